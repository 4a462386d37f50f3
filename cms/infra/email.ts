import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { projectRoot } from './paths.ts'

/**
 * Payload's e-mail adapter, on nodemailer (which builds the MIME messages). With `SMTP_HOST` set,
 * messages go out through that server; without it (development, the demo, tests) nothing is sent:
 * each message becomes one `.eml` file (open it with any mail program) in `MAIL_DIR` (default
 * `data/mail/`) and one log line says where.
 */

/** Where messages are written, read at each send so a test can point it at its scratch folder. */
export const mailDir = (): string => path.resolve(projectRoot, process.env.MAIL_DIR || path.join('data', 'mail'))

export type EmailOptions = {
  /** Overrides `MAIL_DIR` when messages are written to files. */
  dir?: string
  defaultFromAddress?: string
  defaultFromName?: string
}

const sender = (options: EmailOptions) => ({
  defaultFromAddress: options.defaultFromAddress ?? process.env.MAIL_FROM_ADDRESS ?? 'pantau@localhost',
  defaultFromName: options.defaultFromName ?? process.env.MAIL_FROM_NAME ?? 'Pantau',
})

type Message = Parameters<Transporter['sendMail']>[0]

const addressesOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(addressesOf)
    : typeof value === 'string'
      ? [value]
      : value && typeof value === 'object' && 'address' in value
        ? [String(value.address)]
        : []

const describe = (message: Message) => `${addressesOf(message.to).join(', ')} "${String(message.subject ?? '')}"`

/** Writes each message as an `.eml` file instead of sending it. */
export const fileEmailAdapter =
  (options: EmailOptions = {}): EmailAdapter<{ file: string }> =>
  ({ payload }) => {
    const { defaultFromAddress, defaultFromName } = sender(options)
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
    return {
      name: 'pantau-file',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        const mail: Message = { from: { name: defaultFromName, address: defaultFromAddress }, ...(message as Message) }
        const { message: eml } = (await transport.sendMail(mail)) as { message: Buffer }
        const dir = options.dir ?? mailDir()
        await fs.mkdir(dir, { recursive: true })
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`)
        await fs.writeFile(file, eml)
        payload.logger.info(`E-mail to ${describe(mail)} written to ${path.relative(projectRoot, file) || file}`)
        return { file }
      },
    }
  }

/** Sends through the SMTP server named by `SMTP_HOST`, `SMTP_PORT`, `SMTP_SECURE`, `SMTP_USER`, `SMTP_PASS`. */
export const smtpEmailAdapter =
  (options: EmailOptions = {}): EmailAdapter<{ messageId: string }> =>
  ({ payload }) => {
    const { defaultFromAddress, defaultFromName } = sender(options)
    const transport = nodemailer.createTransport({
      host: process.env.SMTP_HOST,
      port: Number(process.env.SMTP_PORT || 587),
      secure: process.env.SMTP_SECURE === 'true',
      auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
    })
    return {
      name: 'pantau-smtp',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        const mail: Message = { from: { name: defaultFromName, address: defaultFromAddress }, ...(message as Message) }
        const { messageId } = await transport.sendMail(mail)
        payload.logger.info(`E-mail to ${describe(mail)} sent (${messageId})`)
        return { messageId }
      },
    }
  }

/** The adapter the configuration uses: SMTP when `SMTP_HOST` is set, otherwise files. */
export const emailAdapter = (options: EmailOptions = {}) =>
  process.env.SMTP_HOST ? smtpEmailAdapter(options) : fileEmailAdapter(options)
