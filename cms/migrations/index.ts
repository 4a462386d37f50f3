import * as migration_20261123_094727_initial from './20261123_094727_initial.ts';
import * as migration_20261123_102641_period_extensions from './20261123_102641_period_extensions.ts';
import * as migration_20261123_110458_publish_jobs from './20261123_110458_publish_jobs.ts';
import * as migration_20261123_113353_review_audit from './20261123_113353_review_audit.ts';
import * as migration_20261202_022551_workflow_notices from './20261202_022551_workflow_notices.ts';
import * as migration_20261202_024909_evidence_library from './20261202_024909_evidence_library.ts';
import * as migration_20261202_025336_evidence_unique_file from './20261202_025336_evidence_unique_file.ts';
import * as migration_20261202_035012_locale_parent_indexes from './20261202_035012_locale_parent_indexes.ts';
import * as migration_20261202_114131_object_storage_prefix from './20261202_114131_object_storage_prefix.ts';

export const migrations = [
  {
    up: migration_20261123_094727_initial.up,
    down: migration_20261123_094727_initial.down,
    name: '20261123_094727_initial',
  },
  {
    up: migration_20261123_102641_period_extensions.up,
    down: migration_20261123_102641_period_extensions.down,
    name: '20261123_102641_period_extensions',
  },
  {
    up: migration_20261123_110458_publish_jobs.up,
    down: migration_20261123_110458_publish_jobs.down,
    name: '20261123_110458_publish_jobs',
  },
  {
    up: migration_20261123_113353_review_audit.up,
    down: migration_20261123_113353_review_audit.down,
    name: '20261123_113353_review_audit',
  },
  {
    up: migration_20261202_022551_workflow_notices.up,
    down: migration_20261202_022551_workflow_notices.down,
    name: '20261202_022551_workflow_notices',
  },
  {
    up: migration_20261202_024909_evidence_library.up,
    down: migration_20261202_024909_evidence_library.down,
    name: '20261202_024909_evidence_library',
  },
  {
    up: migration_20261202_025336_evidence_unique_file.up,
    down: migration_20261202_025336_evidence_unique_file.down,
    name: '20261202_025336_evidence_unique_file',
  },
  {
    up: migration_20261202_035012_locale_parent_indexes.up,
    down: migration_20261202_035012_locale_parent_indexes.down,
    name: '20261202_035012_locale_parent_indexes',
  },
  {
    up: migration_20261202_114131_object_storage_prefix.up,
    down: migration_20261202_114131_object_storage_prefix.down,
    name: '20261202_114131_object_storage_prefix'
  },
];
