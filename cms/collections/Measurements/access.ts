import { COLLECTIONS } from '../../constants.ts'
import { cityOfParent, createCityRecord, readCityRecords, writeCityRecords } from '../../access/rules.ts'

/**
 * Who may read and write measurements: the city's records rules, a measurement belonging to the
 * city of its indicator. The spreadsheet import (./endpoints/importMeasurements.ts) asks these same
 * rules before it reads a file.
 */

export const createMeasurement = createCityRecord(cityOfParent('indicator', COLLECTIONS.indicators))
/** The public reads the values of public programmes only. */
export const readMeasurements = readCityRecords('city', { 'program.isPublic': { equals: true } })
export const updateMeasurement = writeCityRecords('city')
export const deleteMeasurement = writeCityRecords('city')
