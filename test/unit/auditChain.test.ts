import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  type AuditEntry,
  type AuditRecord,
  CanonicalJsonError,
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
} from '../../cms/domain/auditChain.ts'

/** A round of Ambon's 2023 report as the log would record it. */
const RECORDS: AuditRecord[] = [
  {
    actor: { id: 21, role: 'council' },
    at: '2023-06-05T02:14:00.000Z',
    action: 'report.transition',
    target: { collection: 'reports', id: 7 },
    before: { status: 'draft' },
    after: { status: 'submitted', reason: null },
  },
  {
    actor: { id: 31, role: 'assessor' },
    at: '2023-06-13T01:00:00.000Z',
    action: 'report.transition',
    target: { collection: 'reports', id: 7 },
    before: { status: 'submitted' },
    after: { status: 'in_review' },
  },
  {
    actor: { id: 31, role: 'assessor' },
    at: '2023-06-13T01:20:00.000Z',
    action: 'evidence.verdict',
    target: { collection: 'evidence', id: 102 },
    before: { verdict: 'pending' },
    after: { verdict: 'rejected', reason: 'SK tidak bertanda tangan' },
  },
  {
    actor: { id: 31, role: 'assessor' },
    at: '2023-06-13T01:45:00.000Z',
    action: 'review.score',
    target: { collection: 'reviews', id: 4 },
    before: null,
    after: { question: 'env.waste.maturity', score: 3 },
  },
  {
    actor: { id: 1, role: 'secretariat' },
    at: '2023-06-14T08:00:00.000Z',
    action: 'user.role',
    target: { collection: 'users', id: 44 },
    before: { role: 'council', cities: [3] },
    after: { role: 'assessor', cities: [] },
  },
]

function buildChain(records: AuditRecord[] = RECORDS): AuditEntry[] {
  const chain: AuditEntry[] = []
  for (const record of records) chain.push(chainEntry(chain.at(-1) ?? null, record))
  return chain
}

/** What a database may hand back: extra columns, keys in another order, a JSON round trip. */
function asStored(entry: AuditEntry, id: number) {
  const reversed = Object.fromEntries(Object.entries(entry).reverse())
  return JSON.parse(JSON.stringify({ id, createdAt: '2023-06-14T08:00:01.000Z', ...reversed })) as AuditEntry
}

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys at every depth', { b: 1, a: { z: true, y: null } }, '{"a":{"y":null,"z":true},"b":1}'],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
    ['leaves out undefined properties', { a: 1, b: undefined }, '{"a":1}'],
    ['writes undefined array elements as null', [undefined, 1], '[null,1]'],
    ['writes a date as its ISO text', { at: new Date('2023-06-13T01:00:00Z') }, '{"at":"2023-06-13T01:00:00.000Z"}'],
    ['escapes strings as JSON does', { text: 'Kota "Ambon"\n' }, '{"text":"Kota \\"Ambon\\"\\n"}'],
    ['writes numbers as JSON does', { n: [1.5, -0, 1e21, 0.1] }, '{"n":[1.5,0,1e+21,0.1]}'],
    ['sorts by code units, capitals first', { b: 1, B: 2, a: 3 }, '{"B":2,"a":3,"b":1}'],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected)
  })

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: { p: 1, q: [{ s: 1, r: 2 }] }, w: 'a' })).toBe(
      canonicalJson({ w: 'a', x: { q: [{ r: 2, s: 1 }], p: 1 } }),
    )
  })

  it.each<[string, unknown]>([
    ['NaN', { score: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a BigInt', { n: BigInt(1) }],
    ['a function', { f: () => 1 }],
  ])('refuses %s rather than hashing something else', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError)
    expect(() => canonicalJson(value)).toThrow(/tidak dapat disimpan sebagai JSON \/ .* cannot be stored as JSON/)
  })

  it('refuses a value that contains itself', () => {
    const loop: Record<string, unknown> = { a: 1 }
    loop.self = loop
    expect(() => canonicalJson(loop)).toThrow(CanonicalJsonError)
  })

  it('accepts the same object twice side by side', () => {
    const shared = { a: 1 }
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}')
  })
})

describe('hashEntry', () => {
  const entry = { ...RECORDS[0], sequence: 0 }

  it('is the SHA-256 of the previous hash, a newline and the canonical fields', () => {
    const text =
      '{"action":"report.transition","actor":{"id":21,"role":"council"},"after":{"reason":null,"status":"submitted"},' +
      '"at":"2023-06-05T02:14:00.000Z","before":{"status":"draft"},"sequence":0,"target":{"collection":"reports","id":7}}'
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${text}`).digest('hex')
    expect(hashEntry(GENESIS_HASH, entry)).toBe(expected)
    expect(expected).toMatch(/^[0-9a-f]{64}$/)
  })

  it('starts from a genesis of 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64))
  })

  it.each<[string, Partial<AuditRecord & { sequence: number }>]>([
    ['who', { actor: { id: 22, role: 'council' } }],
    ['the role', { actor: { id: 21, role: 'secretariat' } }],
    ['when', { at: '2023-06-05T02:15:00.000Z' }],
    ['the action', { action: 'review.score' }],
    ['the target collection', { target: { collection: 'reviews', id: 7 } }],
    ['the target id', { target: { collection: 'reports', id: '7' } }],
    ['before', { before: { status: 'revision_requested' } }],
    ['after', { after: { status: 'submitted', reason: 'Perbaikan' } }],
    ['the sequence', { sequence: 1 }],
  ])('changes when %s changes', (_label, change) => {
    expect(hashEntry(GENESIS_HASH, { ...entry, ...change })).not.toBe(hashEntry(GENESIS_HASH, entry))
  })

  it('changes with the previous hash', () => {
    expect(hashEntry('f'.repeat(64), entry)).not.toBe(hashEntry(GENESIS_HASH, entry))
  })

  it('ignores columns outside the entry and the order of keys', () => {
    const stored = { id: 99, createdAt: '2024-01-01T00:00:00.000Z', ...entry, after: { reason: null, status: 'submitted' } }
    expect(hashEntry(GENESIS_HASH, stored)).toBe(hashEntry(GENESIS_HASH, entry))
  })
})

describe('chainEntry', () => {
  it('numbers entries from 0 and links each to the one before', () => {
    const chain = buildChain()
    expect(chain.map((row) => row.sequence)).toEqual([0, 1, 2, 3, 4])
    expect(chain[0].previousHash).toBe(GENESIS_HASH)
    for (let index = 1; index < chain.length; index += 1) expect(chain[index].previousHash).toBe(chain[index - 1].hash)
    expect(new Set(chain.map((row) => row.hash)).size).toBe(chain.length)
  })

  it('keeps the record as given', () => {
    const [first] = buildChain()
    expect(first).toMatchObject(RECORDS[0])
  })
})

describe('verifyChain', () => {
  it('accepts an intact chain and names its head', () => {
    const chain = buildChain()
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, head: { sequence: 4, hash: chain[4].hash } })
  })

  it('accepts an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null })
  })

  it('accepts entries as a database returns them', () => {
    const stored = buildChain().map((entry, index) => asStored(entry, index + 1))
    expect(verifyChain(stored).ok).toBe(true)
  })

  type Tamper = (chain: AuditEntry[]) => AuditEntry[]
  const rehash = (chain: AuditEntry[], index: number, change: Partial<AuditRecord>): AuditEntry[] => {
    const copy = [...chain]
    const edited = { ...copy[index], ...change }
    copy[index] = { ...edited, hash: hashEntry(edited.previousHash, edited) }
    return copy
  }

  describe.each<[string, Tamper, number, string, RegExp]>([
    [
      'an edited verdict',
      (chain) => chain.map((entry, index) => (index === 2 ? { ...entry, after: { verdict: 'accepted', reason: null } } : entry)),
      2,
      'edited',
      /Isi entri nomor 2 telah diubah \/ Entry number 2 has been edited/,
    ],
    [
      'an edited actor',
      (chain) => chain.map((entry, index) => (index === 1 ? { ...entry, actor: { id: 1, role: 'secretariat' } } : entry)),
      1,
      'edited',
      /Entry number 1 has been edited/,
    ],
    [
      'a backdated entry',
      (chain) => chain.map((entry, index) => (index === 0 ? { ...entry, at: '2023-05-31T23:59:00.000Z' } : entry)),
      0,
      'edited',
      /Entry number 0 has been edited/,
    ],
    [
      'an edited entry given a fresh hash',
      (chain) => rehash(chain, 3, { after: { question: 'env.waste.maturity', score: 5 } }),
      3,
      'edited',
      /Entri nomor 3 telah diubah dan di-hash ulang \/ Entry number 3 has been edited and re-hashed/,
    ],
    [
      'a deleted entry',
      (chain) => chain.filter((_, index) => index !== 2),
      2,
      'removed',
      /1 entri sebelum entri nomor 3 hilang \/ 1 entry before entry number 3 is missing/,
    ],
    [
      'two deleted entries',
      (chain) => chain.filter((_, index) => index !== 1 && index !== 2),
      1,
      'removed',
      /2 entries before entry number 3 are missing/,
    ],
    ['the first entry deleted', (chain) => chain.slice(1), 0, 'removed', /before entry number 1 is missing/],
    [
      'two swapped entries',
      (chain) => [chain[0], chain[2], chain[1], chain[3], chain[4]],
      1,
      'reordered',
      /Entri nomor 2 berada di posisi 1: urutan diubah \/ Entry number 2 stands at position 1: the order was changed/,
    ],
    ['the first entry moved to the end', (chain) => [...chain.slice(1), chain[0]], 0, 'reordered', /Entry number 1 stands at position 0/],
    ['an entry repeated', (chain) => [...chain.slice(0, 3), chain[1], ...chain.slice(3)], 3, 'reordered', /Entry number 1 stands at position 3/],
    [
      'a swap with renumbered sequences',
      (chain) => {
        const swapped = [chain[0], { ...chain[2], sequence: 1 }, { ...chain[1], sequence: 2 }, chain[3], chain[4]]
        return swapped
      },
      1,
      'edited',
      /Entry number 1 has been edited/,
    ],
    [
      'an entry without its hash',
      (chain) => chain.map((entry, index) => (index === 4 ? ({ ...entry, hash: undefined } as unknown as AuditEntry) : entry)),
      4,
      'malformed',
      /Entri di posisi 4 rusak: hash tidak valid \/ The entry at position 4 is malformed: invalid hash/,
    ],
    [
      'an entry whose content is not JSON',
      (chain) => chain.map((entry, index) => (index === 3 ? { ...entry, after: { score: Number.NaN } } : entry)),
      3,
      'malformed',
      /its content is not JSON/,
    ],
  ])('with %s', (_label, tamper, index, reason, message) => {
    it(`reports ${reason} at position ${index}`, () => {
      const result = verifyChain(tamper(buildChain()))
      expect(result).toMatchObject({ ok: false, index, reason })
      expect(result.ok ? '' : result.message).toMatch(message)
    })
  })

  it('leaves the entries before the break verified', () => {
    const chain = buildChain()
    const tampered = chain.map((entry, index) => (index === 3 ? { ...entry, before: { question: 'x', score: 1 } } : entry))
    expect(verifyChain(tampered.slice(0, 3)).ok).toBe(true)
    expect(verifyChain(tampered)).toMatchObject({ ok: false, index: 3 })
  })

  describe('with the newest hash kept elsewhere', () => {
    const chain = buildChain()
    const head = { sequence: 4, hash: chain[4].hash }

    it('accepts the chain that ends at that hash', () => {
      expect(verifyChain(chain, { head }).ok).toBe(true)
    })

    it('accepts a chain that has grown since', () => {
      const grown = [...chain, chainEntry(chain[4], { ...RECORDS[1], at: '2023-06-20T00:00:00.000Z' })]
      expect(verifyChain(grown, { head }).ok).toBe(true)
    })

    it('detects the newest entries removed', () => {
      const result = verifyChain(chain.slice(0, 3), { head })
      expect(result).toMatchObject({ ok: false, index: 3, reason: 'removed' })
      expect(result.ok ? '' : result.message).toMatch(/The newest entries are missing: the last recorded is number 4/)
    })

    it('detects history rewritten and re-hashed to the end', () => {
      const rewritten = buildChain(RECORDS.map((record, index) => (index === 2 ? { ...record, after: { verdict: 'accepted' } } : record)))
      expect(verifyChain(rewritten).ok).toBe(true)
      const result = verifyChain(rewritten, { head })
      expect(result).toMatchObject({ ok: false, index: 4, reason: 'edited' })
      expect(result.ok ? '' : result.message).toMatch(/history was rewritten/)
    })
  })
})
