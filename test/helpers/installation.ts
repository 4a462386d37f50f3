/**
 * The environment of a throw-away Pantau installation in one folder, for the tests and benches that
 * run Pantau's own processes (`npm start`, `next start`, `payload run`): its SQLite file, upload,
 * mail and snapshot folders, and a production-length secret.
 */
import path from 'node:path'

export const INSTALLATION_SECRET = 'pantau-test-installation-secret-0123456789abcdef'

export function installationEnv(dir: string): Record<string, string> {
  return {
    DATABASE_URI: `file:${path.join(dir, 'pantau.db')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    MAIL_DIR: path.join(dir, 'mail'),
    SNAPSHOT_DIR: path.join(dir, 'snapshot'),
    PAYLOAD_SECRET: INSTALLATION_SECRET,
  }
}
