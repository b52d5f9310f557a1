import { memo, useDeferredValue } from 'react'
import { useAppStore } from '../../state/store'
import { CopyButton } from '../common/CopyButton'
import { LongText } from '../common/LongText'
import { Panel } from '../common/Panel'

const LOG_PREVIEW = 60_000

/**
 * The execution log, as the API Gateway console's Test feature prints it. Deferred: a new answer
 * shows the client response first and renders the log in a following task.
 */
export function LogPanel() {
  const text = useDeferredValue(useAppStore((s) => s.display?.logText ?? ''))
  const fullLength = useAppStore((s) => s.display?.clipped?.logText)
  return <LogView text={text} fullLength={fullLength} />
}

const LogView = memo(function LogView(props: { text: string; fullLength: number | undefined }) {
  const { text } = props
  return (
    <Panel
      title="Execution log"
      testId="panel.log"
      actions={<CopyButton text={text} label="Copy log" testId="log.copy" />}
    >
      {/* The console already shortens long bodies in the log, so it is shown whole up to a bound. */}
      <LongText
        className="log"
        testId="log"
        label="Execution log lines"
        text={text}
        preview={LOG_PREVIEW}
        fullLength={props.fullLength}
      />
    </Panel>
  )
})
