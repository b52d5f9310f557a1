import { memo } from 'react'
import { renameRecordKey } from '../../state/scenario-edit'
import { CommitInput } from './CommitInput'

/** A small editable table of string pairs (header mappings, parameters); memoised. */
export const KeyValueTable = memo(function KeyValueTable(props: {
  caption: string
  keyLabel: string
  valueLabel: string
  testIdPrefix: string
  entries: Record<string, string> | undefined
  newKey: string
  /** Value of a new row; default `'value'` (a quoted static mapping expression). */
  newValue?: string
  onChange: (next: Record<string, string> | undefined) => void
}) {
  const entries = props.entries ?? {}
  const write = (next: Record<string, string>) =>
    props.onChange(Object.keys(next).length === 0 ? undefined : next)
  const rows = Object.entries(entries)
  return (
    <div className="kv">
      <table>
        <caption>{props.caption}</caption>
        {rows.length > 0 && (
          <thead>
            <tr>
              <th scope="col">{props.keyLabel}</th>
              <th scope="col">{props.valueLabel}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map(([key, value], index) => (
            <tr key={key}>
              <td>
                <CommitInput
                  hideLabel
                  label={`${props.keyLabel} ${index + 1}`}
                  testId={`${props.testIdPrefix}.${index}.key`}
                  value={key}
                  onCommit={(next) => write(renameRecordKey(entries, key, next.trim() || key))}
                />
              </td>
              <td>
                <label className="field">
                  <span className="visually-hidden">{`${props.valueLabel} ${index + 1}`}</span>
                  <input
                    data-testid={`${props.testIdPrefix}.${index}.value`}
                    spellCheck={false}
                    value={value}
                    onChange={(e) => write({ ...entries, [key]: e.target.value })}
                  />
                </label>
              </td>
              <td>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove ${key}`}
                  onClick={() => {
                    const { [key]: _removed, ...rest } = entries
                    write(rest)
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          let key = props.newKey
          for (let n = 2; key in entries; n++) key = `${props.newKey}${n}`
          write({ ...entries, [key]: props.newValue ?? "'value'" })
        }}
      >
        Add
      </button>
    </div>
  )
})
