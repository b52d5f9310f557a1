import { describe, expect, it } from 'vitest'
import { VTL_DIRECTIVES } from './vtl-docs'
import { completeVtl, hoverVtl, lastSegment } from './vtl-lookup'

function labels(text: string, stageVariables: string[] = []): string[] | undefined {
  return completeVtl(text, stageVariables)?.items.map((item) =>
    lastSegment(item.path).replace(/^#/, ''),
  )
}

describe('completeVtl', () => {
  it('lists members after a namespace and filters by what is typed', () => {
    expect(labels('"x": $input.')).toEqual(['body', 'json', 'path', 'params'])
    expect(labels('$input.p')).toEqual(['path', 'params'])
    expect(labels('$util.base')).toEqual(['base64Encode', 'base64Decode'])
    expect(labels('$!{context.identity.user')).toEqual(['user', 'userAgent', 'userArn'])
    expect(labels('$context.responseOverride.')).toEqual(['status', 'header'])
    expect(labels('$context.requestOverride.')).toEqual(['header', 'path', 'querystring'])
    expect(labels('$context.error.')).toEqual([
      'message',
      'messageString',
      'responseType',
      'validationErrorString',
    ])
    expect(labels('#set($m = $input.params().')).toEqual(['path', 'querystring', 'header'])
  })

  it('reports how many typed characters the item replaces', () => {
    expect(completeVtl('$context.sta')?.replaceLength).toBe(3)
    expect(completeVtl('$context.')?.replaceLength).toBe(0)
    expect(completeVtl('#fore')?.replaceLength).toBe(4)
  })

  it('completes stage variables from the names it is given', () => {
    expect(labels('$stageVariables.', ['alias', 'version'])).toEqual(['alias', 'version'])
    expect(labels('$stageVariables.v', ['alias', 'version'])).toEqual(['version'])
    expect(labels('$stageVariables.')).toBeUndefined()
  })

  it('lists top-level variables after $ and directives after #', () => {
    expect(labels('{"a": "$')).toEqual(['input', 'util', 'context', 'stageVariables'])
    expect(labels('$st')).toEqual(['stageVariables'])
    expect(labels('#')).toEqual(VTL_DIRECTIVES.map((d) => d.path.slice(1)))
    expect(labels('  #e')).toEqual(['elseif', 'else', 'end'])
    expect(labels('#{e')).toEqual(['elseif', 'else', 'end'])
  })

  it('stays quiet where nothing applies', () => {
    expect(completeVtl('plain text')).toBeUndefined()
    expect(completeVtl('$unknown.')).toBeUndefined()
    expect(completeVtl('## comment #')).toBeUndefined()
    expect(completeVtl('"color": "#ff')).toBeUndefined()
    expect(completeVtl('\\#')).toBeUndefined()
  })
})

describe('hoverVtl', () => {
  const line = '"ip": "$context.identity.sourceIp", #if($input.params(\'id\') == "") x #end'

  function hovered(col: number) {
    const hover = hoverVtl(line, col)
    return hover && { path: hover.entry.path, text: line.slice(hover.start, hover.end) }
  }

  it('explains the segment under the cursor', () => {
    const at = (needle: string) => line.indexOf(needle)
    expect(hovered(at('$context'))).toEqual({ path: 'context', text: '$context' })
    expect(hovered(at('identity') + 2)).toEqual({
      path: 'context.identity',
      text: '$context.identity',
    })
    expect(hovered(at('sourceIp') + 7)).toEqual({
      path: 'context.identity.sourceIp',
      text: '$context.identity.sourceIp',
    })
    expect(hovered(at('params'))).toEqual({ path: 'input.params', text: '$input.params' })
  })

  it('explains directives, braced or not', () => {
    expect(hovered(line.indexOf('#if') + 1)?.path).toBe('#if')
    expect(hovered(line.indexOf('#end'))?.path).toBe('#end')
    expect(hoverVtl('a#{else}b', 3)?.entry.path).toBe('#else')
  })

  it('explains braced and quiet references and stage variables', () => {
    expect(hoverVtl('$!{context.stage}', 12)?.entry.path).toBe('context.stage')
    expect(hoverVtl('$stageVariables.alias', 18)?.entry.doc).toContain('alias')
  })

  it('returns nothing off a known name', () => {
    expect(hovered(0)).toBeUndefined()
    expect(hovered(line.indexOf(' x ') + 1)).toBeUndefined()
    expect(hoverVtl('$foo.bar', 2)).toBeUndefined()
    expect(hoverVtl('## just a comment', 5)).toBeUndefined()
  })
})
