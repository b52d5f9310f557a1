import { useAppStore } from '../../state/store'
import { CopyButton } from '../common/CopyButton'
import { LongText } from '../common/LongText'
import { Panel } from '../common/Panel'

/** The execution log, as the API Gateway console's Test feature prints it. */
export function LogPanel() {
  const text = useAppStore((s) => s.display?.logText ?? '')
  return (
    <Panel
      title="Execution log"
      testId="panel.log"
      actions={<CopyButton text={text} label="Copy log" testId="log.copy" />}
    >
      <LongText className="log" testId="log" label="Execution log lines" text={text} />
    </Panel>
  )
}
