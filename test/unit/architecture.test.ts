import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { type ImportGraph, importCycles, importsOf, layerViolations, readGraph } from '../helpers/architecture.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const tree = readGraph(root, ['cms', 'site', 'seed', 'scripts'])
const graph = (files: Record<string, string[]>): ImportGraph => new Map(Object.entries(files))

describe('the layers of the code base', () => {
  it('reads the tree it guards', () => {
    expect(tree.size).toBeGreaterThan(150)
    expect(tree.get('cms/domain/workflow.ts')).toContain('./submission.ts')
  })

  it('keeps cms/domain pure and the site on the shared contract', () => {
    expect(layerViolations(tree)).toEqual([])
  })

  it('has no import cycle in cms, site, seed or scripts', () => {
    expect(importCycles(tree)).toEqual([])
  })

  it('names the file of every relative import, as Node running the TypeScript itself needs (the snapshot child)', () => {
    // The migrations too (Payload writes their index without extensions: fixed by hand after `migrate:create`).
    const migrations = readGraph(root, ['cms/migrations', 'cms/migrations-mongodb'])
    expect(migrations.size).toBeGreaterThan(10)
    const extensionless = [...tree, ...migrations].flatMap(([file, imports]) =>
      imports.filter((specifier) => specifier.startsWith('.') && path.extname(specifier) === '').map((specifier) => `${file}: ${specifier}`),
    )
    expect(extensionless).toEqual([])
  })
})

describe('the guard rails themselves', () => {
  it('catch a domain module importing payload, the generated types or server code', () => {
    const wrong = graph({
      'cms/domain/scoring.ts': ['payload', '../payload-types.ts', '../server/asSystem.ts', './ids.ts', '../constants.ts', 'node:crypto'],
      'cms/domain/ids.ts': [],
    })
    expect(layerViolations(wrong).map((violation) => violation.imports)).toEqual(['payload', '../payload-types.ts', '../server/asSystem.ts'])
  })

  it('catch the site importing from cms anything but the contract', () => {
    const wrong = graph({
      'site/lib/scores.ts': ['../../cms/domain/scoring.ts', '../../cms/contract/snapshot.ts', 'astro/zod'],
    })
    expect(layerViolations(wrong)).toEqual([
      { rule: 'site imports nothing of cms but cms/contract', file: 'site/lib/scores.ts', imports: '../../cms/domain/scoring.ts' },
    ])
  })

  it('catch a cycle, however long', () => {
    const circular = graph({
      'seed/lib/a.ts': ['./b.ts'],
      'seed/lib/b.ts': ['../scenarios/c.ts'],
      'seed/scenarios/c.ts': ['../lib/a.ts', 'payload'],
      'seed/index.ts': ['./lib/a.ts'],
    })
    expect(importCycles(circular)).toEqual([['seed/lib/a.ts', 'seed/lib/b.ts', 'seed/scenarios/c.ts']])
  })

  it('read static, re-exported, side-effect and dynamic imports, without their queries', () => {
    const text = [
      "import type { A } from './a.ts'",
      "import {\n  b,\n  c,\n} from '../b.ts'",
      "export { d } from './d.ts'",
      "import './styles.css'",
      "const e = await import('./e.ts')",
      "import method from '../cms/domain/scoring.ts?raw'",
    ].join('\n')
    expect(importsOf(text).sort()).toEqual(['../b.ts', '../cms/domain/scoring.ts', './a.ts', './d.ts', './e.ts', './styles.css'])
  })
})
