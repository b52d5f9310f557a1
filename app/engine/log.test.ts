import { describe, expect, it } from 'vitest'
import { formatLogTimestamp, startExecutionLog, truncateLogValue } from './log'

describe('execution log format', () => {
  it('prints timestamps like Java Date.toString() in UTC, day zero-padded', () => {
    expect(formatLogTimestamp(Date.UTC(2022, 7, 3, 8, 20, 33))).toBe('Wed Aug 03 08:20:33 UTC 2022')
    expect(formatLogTimestamp(Date.UTC(2022, 2, 5, 15, 47, 32))).toBe(
      'Sat Mar 05 15:47:32 UTC 2022',
    )
  })

  it('truncates long values with the AWS marker', () => {
    expect(truncateLogValue('x'.repeat(1000))).toBe('x'.repeat(1000))
    expect(truncateLogValue('x'.repeat(1001))).toBe('x'.repeat(1000) + ' [TRUNCATED]')
  })

  it('starts with the title and Starting execution lines', () => {
    const log = startExecutionLog('id-1', Date.UTC(2022, 2, 5, 15, 47, 32))
    log.value('Method request body before transformations', '')
    expect(log.lines).toEqual([
      'Execution log for request id-1',
      'Sat Mar 05 15:47:32 UTC 2022 : Starting execution for request: id-1',
      'Sat Mar 05 15:47:32 UTC 2022 : Method request body before transformations: ',
    ])
  })
})
