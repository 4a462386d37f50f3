/**
 * Runs a Node script in a process of its own, on the Node running the caller (the project's Node,
 * not the machine's): for work that must not share the CMS's event loop (the publish snapshot) or
 * that is a program of its own (`astro build`). A failure carries the last lines the child wrote,
 * enough to say why it failed.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import os from 'node:os'

import { projectRoot } from './paths.ts'

/** The last lines of a child's output. */
export const tail = (text: string, lines = 20): string => text.trim().split('\n').slice(-lines).join('\n')

export interface NodeRun {
  /** What runs, as the error names it (e.g. "astro build"). */
  label: string
  env: NodeJS.ProcessEnv
  /** Messages the child sends with `process.send`; given, the child gets an IPC channel. */
  onMessage?: (message: unknown) => void
  /**
   * Work nobody waits for (a publish): the child runs at a lower priority, so on a busy machine the
   * CMS's answers get the processor first. Set right after the start, before the child makes its
   * threads, which inherit it.
   */
  background?: boolean
}

/** The niceness of background children: below the CMS's priority, not the lowest (they must still finish). */
export const BACKGROUND_NICENESS = 10

/**
 * Starts the child, at background priority when asked. `stdout` is kept only when `keepStdout` (a
 * child that runs for the life of its parent logs nowhere anyone reads); with `onMessage`, the child
 * gets an IPC channel.
 */
export function startNode(args: string[], { env, onMessage, background = false }: Omit<NodeRun, 'label'>, keepStdout = true): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe', ...(onMessage ? (['ipc'] as const) : [])],
  })
  // A caller already below that priority passes its own on to the child.
  if (background && child.pid !== undefined && os.getPriority() < BACKGROUND_NICENESS) {
    try {
      os.setPriority(child.pid, BACKGROUND_NICENESS)
    } catch {
      // Already ended: nothing left to lower.
    }
  }
  if (onMessage) child.on('message', onMessage)
  return child
}

/** Keeps the last lines a child writes on its standard output and error; read it when the child fails. */
export function keepTail(child: ChildProcess): () => string {
  let output = ''
  const keep = (chunk: Buffer) => {
    output = tail(output + chunk.toString(), 200)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => tail(output)
}

/** A child started by `spawnNode`, and its end. */
export interface RunningNode {
  child: ChildProcess
  /** Resolves when the child exits with 0; rejects with its exit code or signal and its output's tail otherwise. */
  exited: Promise<void>
}

/** Starts the child and follows it to its end (`runNode` without the wait, for a caller that talks to it meanwhile). */
export function spawnNode(args: string[], { label, ...options }: NodeRun): RunningNode {
  const child = startNode(args, options)
  const output = keepTail(child)
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    // 'close', not 'exit': by then the output and the messages have all been read.
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${label} gagal / failed (${signal ?? `exit code ${code}`}):\n${output()}`))
    })
  })
  return { child, exited }
}

/** Resolves when the child exits with 0; rejects with its exit code or signal and its output's tail otherwise. */
export const runNode = (args: string[], options: NodeRun): Promise<void> => spawnNode(args, options).exited
