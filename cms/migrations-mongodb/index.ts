import * as migration_20261202_024909_evidence_library from './20261202_024909_evidence_library';

export const migrations = [
  {
    up: migration_20261202_024909_evidence_library.up,
    down: migration_20261202_024909_evidence_library.down,
    name: '20261202_024909_evidence_library'
  },
];
