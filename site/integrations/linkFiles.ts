/**
 * Puts files that already exist into the built site without reading them: a hard link (no copy of
 * the data, and the source stays as it is), or a copy where the site is on another file system. The
 * sources are never written in place (the snapshot and the card cache write a new file and rename
 * it; a published site is replaced whole), so a link cannot change under the site.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export interface FileToLink {
  from: string
  to: string
}

/** Links each file to its place, making the folders first; a file already there is an error (EEXIST). */
export async function linkFiles(files: readonly FileToLink[]): Promise<void> {
  await Promise.all([...new Set(files.map((file) => path.dirname(file.to)))].map((folder) => fs.mkdir(folder, { recursive: true })))
  await Promise.all(
    files.map(({ from, to }) =>
      fs.link(from, to).catch((error: NodeJS.ErrnoException) => (error.code === 'EXDEV' ? fs.copyFile(from, to) : Promise.reject(error))),
    ),
  )
}
