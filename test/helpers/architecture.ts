/**
 * The layering rules of the code base, as a checker over import graphs: what `cms/domain/` may
 * import, what the site may take from `cms/`, and that no import runs in a circle. The guard-rail
 * test runs it on the real tree and on small made-up trees, so a rule that stopped catching its
 * violation would fail too.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Files (paths relative to the root, with `/`) and the relative paths or packages each imports. */
export type ImportGraph = Map<string, string[]>

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** The import specifiers of one file's text, without query suffixes (`?raw`). */
export function importsOf(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3]
    if (spec) found.push(spec.split('?')[0])
  }
  return found
}

/** Reads every source file under `folders` of `root` (generated files and dependencies left out). */
export function readGraph(root: string, folders: string[]): ImportGraph {
  const graph: ImportGraph = new Map()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', '.next', 'dist', '.astro', 'migrations', 'migrations-mongodb'].includes(entry.name)) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (SOURCE.test(entry.name) && entry.name !== 'importMap.js') {
        graph.set(path.relative(root, full).split(path.sep).join('/'), importsOf(fs.readFileSync(full, 'utf8')))
      }
    }
  }
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(path.join(root, folder))
  return graph
}

/** The file a relative import names, relative to the root; null for a package. */
export function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))
}

export type Violation = { rule: string; file: string; imports: string }

const DOMAIN_PACKAGES = new Set(['node:crypto'])
const isDomain = (file: string) => file.startsWith('cms/domain/')
const mayDomainUse = (target: string) =>
  target.startsWith('cms/domain/') || target.startsWith('cms/contract/') || target === 'cms/constants.ts'

/**
 * Everything that breaks the layering: a `cms/domain/` module importing anything but other domain
 * modules, the shared contract, the constants or `node:crypto` (never `payload`, the generated
 * types or server code); and a `site/` module importing from `cms/` anything but `cms/contract/`.
 */
export function layerViolations(graph: ImportGraph): Violation[] {
  const violations: Violation[] = []
  for (const [file, specs] of graph) {
    for (const spec of specs) {
      const target = resolve(file, spec)
      if (isDomain(file)) {
        if (target === null ? !DOMAIN_PACKAGES.has(spec) : !mayDomainUse(target)) {
          violations.push({ rule: 'cms/domain imports only domain modules, the contract and constants', file, imports: spec })
        }
      }
      if (file.startsWith('site/') && target?.startsWith('cms/') && !target.startsWith('cms/contract/')) {
        violations.push({ rule: 'site imports nothing of cms but cms/contract', file, imports: spec })
      }
    }
  }
  return violations
}

/** Every circle of relative imports, each listed once as the files it passes through. */
export function importCycles(graph: ImportGraph): string[][] {
  const edges = new Map<string, string[]>()
  for (const [file, specs] of graph) {
    edges.set(
      file,
      specs.map((spec) => resolve(file, spec)).filter((target): target is string => target !== null && graph.has(target)),
    )
  }
  const cycles: string[][] = []
  const seen = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next))
        const key = [...cycle].sort().join('|')
        if (!seen.has(key)) {
          seen.add(key)
          cycles.push(cycle)
        }
      } else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)
  return cycles
}
