import fs from 'node:fs/promises'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'

import { problem } from '../domain/problems.ts'
import { fieldProblems } from '../server/problemsError.ts'

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
}

/** Reads the first bytes of an upload, whether it is held in memory or in a temp file. */
async function detectType(file: { data?: Buffer; tempFilePath?: string }) {
  if (file.data && file.data.length > 0) return fileTypeFromBuffer(file.data)
  if (file.tempFilePath) {
    await fs.access(file.tempFilePath)
    return fileTypeFromFile(file.tempFilePath)
  }
  return undefined
}

/**
 * Refuses an upload whose real content (its magic bytes, not its name or the browser's claim) is
 * not one of `allowed`, with a message a council member understands. Payload checks the type again
 * when it stores the file; this check comes first so the person sees why, in their language.
 */
export const verifyUploadType =
  (allowed: readonly string[]): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file) return args
    const detected = await detectType(file)
    if (detected && allowed.includes(detected.mime)) return args
    const accepted = allowed.map((mime) => LABELS[mime] ?? mime).join(', ')
    const found = detected ? `${detected.ext.toUpperCase()} (${detected.mime})` : ''
    throw fieldProblems(args.collection?.config?.slug, req, [
      ['file', problem('upload.wrongType', { params: { name: file.name, found, accepted } })],
    ])
  }
