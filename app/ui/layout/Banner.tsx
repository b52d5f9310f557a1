import { useAppStore } from '../../state/store'

/** The dismissible message at the top (bad share link, failed import). */
export function Banner() {
  const banner = useAppStore((s) => s.banner)
  const dismiss = useAppStore((s) => s.dismissBanner)
  if (!banner) return null
  return (
    <div className={`banner banner-${banner.kind}`} role="alert" data-testid="banner">
      <p data-testid="banner.message">{banner.message}</p>
      <button type="button" onClick={dismiss} data-testid="banner.dismiss">
        Dismiss
      </button>
    </div>
  )
}
