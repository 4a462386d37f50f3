/**
 * The runner of the publish job's child processes (the snapshot, `astro build`): a failure carries the
 * child's last words, messages come back over IPC, and background work runs below the CMS's priority.
 */
import os from 'node:os'

import { describe, expect, it } from 'vitest'

import { BACKGROUND_NICENESS, runNode } from '../../cms/infra/nodeProcess.ts'

/** What the child sends back, from a script given inline. */
async function messagesOf(script: string, background: boolean): Promise<unknown[]> {
  const messages: unknown[] = []
  await runNode(['--input-type=module', '-e', script], { label: 'probe', env: process.env, background, onMessage: (message) => messages.push(message) })
  return messages
}

const ownPriority = "import os from 'node:os'; process.send(os.getPriority(), () => process.exit(0))"

describe('runNode', () => {
  it('runs background work at a lower priority than the caller, and other work at the same', async () => {
    const caller = os.getPriority()
    expect(await messagesOf(ownPriority, false)).toEqual([caller])
    expect(await messagesOf(ownPriority, true)).toEqual([Math.max(caller, BACKGROUND_NICENESS)])
  })

  it("fails with the child's exit code and its last lines", async () => {
    const failing = runNode(['-e', "console.error('menulis…\\nSnapshot gagal / failed: disk penuh'); process.exit(3)"], { label: 'Snapshot', env: process.env })
    await expect(failing).rejects.toThrow(/^Snapshot gagal \/ failed \(exit code 3\):\nmenulis…\nSnapshot gagal \/ failed: disk penuh$/)
  })
})
