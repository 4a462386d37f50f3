/**
 * The demo accounts, one per role: seeded by the demo scenario, named in the README and used by the
 * tests to sign in.
 */
import { ROLES, type Role } from '../../cms/constants.ts'

/** Published on purpose (README, tests): a production server refuses these accounts unless PANTAU_DEMO_ACCOUNTS=true. */
export const DEMO_PASSWORD = 'pantau-demo-2023'

export type DemoAccount = {
  email: string
  password: string
  role: Role
  name: string
  organisation: string
  /** Region codes (NN.NN) of the cities a council member files for. */
  cityCodes: string[]
}

/** One fictional account per role, named by role, never after a real person. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'sekretariat@pantau.example',
    password: DEMO_PASSWORD,
    role: ROLES.secretariat,
    name: 'Sekretariat (demo)',
    organisation: 'Sekretariat Gerakan Menuju 100 Smart City',
    cityCodes: [],
  },
  {
    email: 'dewan.ambon@pantau.example',
    password: DEMO_PASSWORD,
    role: ROLES.council,
    name: 'Dewan Smart City Kota Ambon (demo)',
    organisation: 'Dewan Smart City Kota Ambon',
    cityCodes: ['81.71'],
  },
  {
    email: 'dewan.semarang@pantau.example',
    password: DEMO_PASSWORD,
    role: ROLES.council,
    name: 'Dewan Smart City Kota Semarang (demo)',
    organisation: 'Dewan Smart City Kota Semarang',
    cityCodes: ['33.74'],
  },
  {
    email: 'asesor@pantau.example',
    password: DEMO_PASSWORD,
    role: ROLES.assessor,
    name: 'Asesor (demo)',
    organisation: 'Tim Asesor Evaluasi Smart City',
    cityCodes: [],
  },
]

export const DEMO_ASSESSOR_EMAIL = 'asesor@pantau.example'
