import * as migration_20261123_092903_initial from './20261123_092903_initial';

export const migrations = [
  {
    up: migration_20261123_092903_initial.up,
    down: migration_20261123_092903_initial.down,
    name: '20261123_092903_initial'
  },
];
