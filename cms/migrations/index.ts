import * as migration_20261123_094727_initial from './20261123_094727_initial';
import * as migration_20261123_102641_period_extensions from './20261123_102641_period_extensions';

export const migrations = [
  {
    up: migration_20261123_094727_initial.up,
    down: migration_20261123_094727_initial.down,
    name: '20261123_094727_initial',
  },
  {
    up: migration_20261123_102641_period_extensions.up,
    down: migration_20261123_102641_period_extensions.down,
    name: '20261123_102641_period_extensions'
  },
];
