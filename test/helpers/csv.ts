/**
 * A strict reader of RFC 4180 for the tests, to check that what the snapshot writes reads back as
 * the same fields, and to open the open-data CSV files as a spreadsheet would.
 */
export function parseRfc4180(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 1
    } else field += char
  }
  return records
}

/** A CSV file as records keyed by its header's column names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseRfc4180(text)
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])))
}

/**
 * The name columns every id column of the open data must have beside it, so a person reading a
 * row in a spreadsheet knows what it is about without looking the id up in another file.
 */
export const NAME_COLUMNS_OF_ID: Record<string, string[]> = {
  city: ['cityName', 'cityCode'],
  program: ['programTitle_id', 'programTitle_en'],
  indicator: ['indicatorName_id', 'indicatorName_en', 'unit'],
  dimension: ['dimensionName_id', 'dimensionName_en'],
  period: ['round_id', 'round_en'],
}
