/**
 * What a publish stopped midway leaves beside the published site (a CMS killed during a build): the
 * next publish removes the folders whose process has ended, and nothing else.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, expect, it } from 'vitest'

import { removeLeftovers } from '../../cms/jobs/publishSite.ts'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-leftovers-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The id of a process that has ended. */
const endedPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number

it("removes the building, previous and search folders of a process that has ended, keeps a running one's and the site", async () => {
  const site = path.join(dir, 'site')
  const ended = endedPid()
  const folders = {
    site: 'site',
    building: `site.building-${ended}-1796300000000`,
    previous: `site.previous-${ended}-1796300000001`,
    search: `site.search-${ended}-1796300000002`,
    running: `site.building-${process.pid}-1796300000003`,
    otherSite: `other.building-${ended}-1796300000004`,
    notOurs: 'site.backup',
  }
  for (const name of Object.values(folders)) {
    fs.mkdirSync(path.join(dir, name, 'kota', 'kota-ambon'), { recursive: true })
    fs.writeFileSync(path.join(dir, name, 'kota', 'kota-ambon', 'index.html'), '<p>Ambon</p>')
  }

  const removed = await removeLeftovers(site)

  expect(removed.sort()).toEqual([folders.building, folders.previous, folders.search].sort())
  expect(fs.readdirSync(dir).sort()).toEqual([folders.notOurs, folders.otherSite, folders.running, folders.site].sort())
  expect(fs.readFileSync(path.join(site, 'kota', 'kota-ambon', 'index.html'), 'utf8')).toBe('<p>Ambon</p>')
})

it('removes nothing when the folder beside the site has no leftovers, or does not exist yet', async () => {
  fs.mkdirSync(path.join(dir, 'site'))
  await expect(removeLeftovers(path.join(dir, 'site'))).resolves.toEqual([])
  await expect(removeLeftovers(path.join(dir, 'nowhere', 'site'))).resolves.toEqual([])
  expect(fs.readdirSync(dir)).toEqual(['site'])
})
