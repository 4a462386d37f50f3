/**
 * Why a backup or a restore stopped, as a code the tests and scripts can tell apart and a message
 * for the operator (Indonesian / English on one line, as the other operator scripts print them).
 * A restore raises every refusal before it writes anything to the installation, except the two
 * that can only be known afterwards (`loadFailed`, `auditMismatch`), whose messages say so.
 */
export const BACKUP_PROBLEMS = [
  'notFound',
  'notArchive',
  'truncated',
  'corrupt',
  'unsafePath',
  'unexpectedMember',
  'missingMember',
  'checksum',
  'unsupportedFormat',
  'wrongEngine',
  'migrations',
  'unknownCollection',
  'schema',
  'notEmpty',
  'objectStorage',
  'changedDuringBackup',
  'loadFailed',
  'auditMismatch',
] as const

export type BackupProblem = (typeof BACKUP_PROBLEMS)[number]

export class BackupError extends Error {
  readonly problem: BackupProblem
  /** The archive member or table the problem is about, when there is one. */
  readonly subject?: string

  constructor(problem: BackupProblem, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'BackupError'
    this.problem = problem
    this.subject = options.subject
  }
}
