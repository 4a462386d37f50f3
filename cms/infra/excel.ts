/**
 * exceljs, loaded when a sheet is first read or written: with its dependencies it is 782 of the
 * modules the CMS's config would otherwise load in every process (the server, the snapshot child,
 * scripts), none of which reads a sheet before someone uploads or downloads one.
 */
import type ExcelJS from 'exceljs'

let loaded: Promise<typeof ExcelJS> | undefined

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((module) => module.default)
  return loaded
}
