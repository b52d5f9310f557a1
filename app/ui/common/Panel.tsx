import { useId, type ReactNode } from 'react'

/** A titled region of the page (a landmark with its own heading). */
export function Panel(props: {
  title: string
  testId: string
  actions?: ReactNode
  className?: string
  children: ReactNode
}) {
  const headingId = useId()
  return (
    <section
      className={`panel ${props.className ?? ''}`}
      aria-labelledby={headingId}
      data-testid={props.testId}
    >
      <div className="panel-header">
        <h2 id={headingId}>{props.title}</h2>
        {props.actions && <div className="panel-actions">{props.actions}</div>}
      </div>
      <div className="panel-body">{props.children}</div>
    </section>
  )
}
