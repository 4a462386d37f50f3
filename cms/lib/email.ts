import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { EmailAdapter, SendEmailOptions } from 'payload'

import { projectRoot } from './paths.ts'

/**
 * An e-mail adapter for development and tests that sends nothing: each message becomes one `.eml`
 * file (open it with any mail program) in `MAIL_DIR` (default `data/mail/`), and one log line says
 * where. No mail server, no outside service, and the messages can be read and checked afterwards.
 */

/** Where messages are written, read at each send so a test can point it at its scratch folder. */
export const mailDir = (): string => path.resolve(projectRoot, process.env.MAIL_DIR || path.join('data', 'mail'))

type Address = string | { address: string; name?: string }

const formatAddress = (value: Address): string =>
  typeof value === 'string' ? value : value.name ? `${encodeWord(value.name)} <${value.address}>` : value.address

const addressList = (value: unknown): string =>
  (Array.isArray(value) ? value : value ? [value] : []).map((item) => formatAddress(item as Address)).join(', ')

/** RFC 2047: header text outside ASCII (Indonesian names, the dash in a period title) travels as UTF-8 base64. */
function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`
}

/** The message as an RFC 5322 text with a plain-text (and, if given, HTML) body. */
export function toEml(message: SendEmailOptions, from: string, date = new Date()): string {
  const headers = [
    `From: ${from}`,
    `To: ${addressList(message.to)}`,
    ...(message.cc ? [`Cc: ${addressList(message.cc)}`] : []),
    ...(message.bcc ? [`Bcc: ${addressList(message.bcc)}`] : []),
    `Subject: ${encodeWord(String(message.subject ?? ''))}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <${randomUUID()}@pantau.local>`,
    'MIME-Version: 1.0',
  ]
  const text = typeof message.text === 'string' ? message.text : ''
  const html = typeof message.html === 'string' ? message.html : ''
  if (!html) {
    return [...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, ''].join('\r\n')
  }
  const boundary = `pantau-${randomUUID()}`
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n')
}

export type FileEmailOptions = {
  /** Overrides `MAIL_DIR`. */
  dir?: string
  defaultFromAddress?: string
  defaultFromName?: string
}

/** Payload's `email:` setting for development: `email: fileEmailAdapter()`. */
export const fileEmailAdapter =
  (options: FileEmailOptions = {}): EmailAdapter<{ file: string }> =>
  ({ payload }) => {
    const defaultFromAddress = options.defaultFromAddress ?? process.env.MAIL_FROM_ADDRESS ?? 'pantau@localhost'
    const defaultFromName = options.defaultFromName ?? process.env.MAIL_FROM_NAME ?? 'Pantau'
    return {
      name: 'pantau-file',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        const dir = options.dir ?? mailDir()
        await fs.mkdir(dir, { recursive: true })
        const from = message.from ? formatAddress(message.from as Address) : formatAddress({ address: defaultFromAddress, name: defaultFromName })
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`)
        await fs.writeFile(file, toEml(message, from), 'utf8')
        payload.logger.info(`E-mail to ${addressList(message.to)} "${String(message.subject ?? '')}" written to ${path.relative(projectRoot, file) || file}`)
        return { file }
      },
    }
  }
