import ExcelJS from 'exceljs'

import type { UploadFile } from './files.ts'

type Cell = string | number | null | undefined

/** An .xlsx upload whose first sheet holds `rows` (the first being the header). */
export async function xlsxFile(rows: Cell[][], name = 'capaian.xlsx'): Promise<UploadFile> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Capaian')
  for (const row of rows) sheet.addRow(row)
  const data = Buffer.from(await workbook.xlsx.writeBuffer())
  return { data, name, mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: data.length }
}

/** A .csv upload as a spreadsheet program would save it (`;` where the comma is the decimal mark). */
export function csvFile(rows: Cell[][], delimiter = ',', name = 'capaian.csv'): UploadFile {
  const escape = (cell: Cell) => {
    const text = cell === null || cell === undefined ? '' : String(cell)
    return text.includes(delimiter) || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text
  }
  const data = Buffer.from(rows.map((row) => row.map(escape).join(delimiter)).join('\r\n'), 'utf8')
  return { data, name, mimetype: 'text/csv', size: data.length }
}
