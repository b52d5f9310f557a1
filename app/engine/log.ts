/**
 * The console "Test" execution log: Java Date timestamps, values cut at 1000 characters, lines.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-test-method.html
 */
import { LOG_VALUE_LIMIT } from './defaults'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
/** English month abbreviations, as Java's `Date.toString()` prints them. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Zero-pads a number to two digits. */
function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

/** `Wed Aug 03 08:20:33 UTC 2022`: Java's `Date.toString()` in UTC, as the console prints it. */
export function formatLogTimestamp(epochMs: number): string {
  const d = new Date(epochMs)
  if (Number.isNaN(d.getTime())) return 'Thu Jan 01 00:00:00 UTC 1970'
  return (
    DAYS[d.getUTCDay()] +
    ' ' +
    MONTHS[d.getUTCMonth()] +
    ' ' +
    pad2(d.getUTCDate()) +
    ' ' +
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds()) +
    ' UTC ' +
    d.getUTCFullYear()
  )
}

/** Long logged values are cut and marked the way AWS does. */
export function truncateLogValue(value: string): string {
  return value.length > LOG_VALUE_LIMIT ? value.slice(0, LOG_VALUE_LIMIT) + ' [TRUNCATED]' : value
}

/** Collects execution-log lines; every line after the first carries the same timestamp prefix. */
export type ExecutionLog = {
  lines: string[]
  /** Appends `<timestamp> : <text>`. */
  add: (text: string) => void
  /** Appends `<timestamp> : <label>: <value>` with the value truncated like AWS. */
  value: (label: string, value: string) => void
}

/** Starts the log of one request: the title line and "Starting execution". */
export function startExecutionLog(requestId: string, epochMs: number): ExecutionLog {
  const prefix = formatLogTimestamp(epochMs) + ' : '
  const lines = ['Execution log for request ' + requestId]
  const log: ExecutionLog = {
    lines,
    add: (text) => {
      lines.push(prefix + text)
    },
    value: (label, value) => {
      lines.push(prefix + label + ': ' + truncateLogValue(value))
    },
  }
  log.add('Starting execution for request: ' + requestId)
  return log
}
