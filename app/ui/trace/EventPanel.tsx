import { memo, useDeferredValue } from 'react'
import { useAppStore } from '../../state/store'
import { CopyButton } from '../common/CopyButton'
import { LongText } from '../common/LongText'
import { Panel } from '../common/Panel'

/**
 * The Invoke payload the function received (the event), exactly as sent and prettified.
 * Deferred: a new answer shows the client response first and renders the event afterwards.
 */
export function EventPanel() {
  const text = useDeferredValue(useAppStore((s) => s.display?.eventText))
  const pretty = useDeferredValue(useAppStore((s) => s.display?.eventPretty))
  const fullLength = useAppStore((s) => s.display?.clipped?.eventPretty)
  return <EventView text={text} pretty={pretty} fullLength={fullLength} />
}

const EventView = memo(function EventView(props: {
  text: string | undefined
  pretty: string | undefined
  fullLength: number | undefined
}) {
  const { text, pretty } = props
  return (
    <Panel
      title="Event the function received"
      testId="panel.event"
      actions={
        text !== undefined && <CopyButton text={text} label="Copy event" testId="event.copy" />
      }
    >
      {text === undefined ? (
        <p className="hint" data-testid="event.none">
          The function was not invoked.
        </p>
      ) : (
        <LongText
          className="event"
          testId="event"
          label="Lambda event"
          text={pretty ?? ''}
          fullLength={props.fullLength}
          emptyText="(empty payload: Lambda hands the handler {})"
        />
      )}
    </Panel>
  )
})
