/**
 * Runs a Node script in a process of its own, on the Node running the caller (the project's Node,
 * not the machine's): for work that must not share the CMS's event loop (the publish snapshot) or
 * that is a program of its own (`astro build`). A failure carries the last lines the child wrote,
 * enough to say why it failed.
 */
import { spawn } from 'node:child_process'

import { projectRoot } from './paths.ts'

/** The last lines of a child's output. */
export const tail = (text: string, lines = 20): string => text.trim().split('\n').slice(-lines).join('\n')

export interface NodeRun {
  /** What runs, as the error names it (e.g. "astro build"). */
  label: string
  env: NodeJS.ProcessEnv
  /** Messages the child sends with `process.send`; given, the child gets an IPC channel. */
  onMessage?: (message: unknown) => void
}

/** Resolves when the child exits with 0; rejects with its exit code or signal and its output's tail otherwise. */
export function runNode(args: string[], { label, env, onMessage }: NodeRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env,
      stdio: onMessage ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = tail(output + chunk.toString(), 200)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    if (onMessage) child.on('message', onMessage)
    child.on('error', reject)
    // 'close', not 'exit': by then the output and the messages have all been read.
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${label} gagal / failed (${signal ?? `exit code ${code}`}):\n${tail(output)}`))
    })
  })
}
