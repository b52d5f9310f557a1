/**
 * YAML output that every common reader takes back unchanged: YAML 1.1 quoting (so `on`, `yes`,
 * `0777` and `1:20` stay strings for CloudFormation and other 1.1 readers), `<<` quoted so it is
 * never a merge key, and the characters YAML 1.1 treats as line breaks or byte-order marks
 * written as escapes. CloudFormation intrinsics written as `{ Ref }`, `{ 'Fn::Sub' }` and
 * `{ 'Fn::GetAtt': [a, b] }` become the short tags `!Ref`, `!Sub` and `!GetAtt a.b`.
 */
import { Document, Scalar, isScalar, isSeq, visit } from 'yaml'

/** Characters some YAML readers take as line breaks or a BOM, or never print raw. */
const UNSAFE_RAW = /[\u0080-\u009f\u2028\u2029\ufeff]/

const SHORT_TAGS = new Map([
  ['Ref', '!Ref'],
  ['Fn::Sub', '!Sub'],
  ['Fn::GetAtt', '!GetAtt'],
])

/** Writes a JSON-like value as YAML; with `shortTags`, CloudFormation intrinsics use `!Ref` etc. */
export function stringifyYaml(value: unknown, options: { shortTags?: boolean } = {}): string {
  const doc = new Document(value, {
    version: '1.1',
    // Without the merge tag, a `<<` key is an ordinary string and gets quoted like one.
    customTags: (tags) =>
      tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:merge'),
  })
  visit(doc, {
    Map(_, node) {
      if (!options.shortTags || node.items.length !== 1) return undefined
      const pair = node.items[0]
      if (!pair || !isScalar(pair.key) || typeof pair.key.value !== 'string') return undefined
      const tag = SHORT_TAGS.get(pair.key.value)
      if (tag === undefined) return undefined
      if (isScalar(pair.value) && typeof pair.value.value === 'string') {
        const s = new Scalar(pair.value.value)
        s.tag = tag
        return s
      }
      if (tag === '!GetAtt' && isSeq(pair.value) && pair.value.items.length === 2) {
        const parts = pair.value.items.map((i) => (isScalar(i) ? i.value : undefined))
        if (parts.every((p) => typeof p === 'string' && !p.includes('.'))) {
          const s = new Scalar(parts.join('.'))
          s.tag = tag
          return s
        }
      }
      return undefined
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return
      if (node.value === '<<' || UNSAFE_RAW.test(node.value)) node.type = 'QUOTE_DOUBLE'
    },
  })
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 })
  // Only double-quoted scalars can contain these characters now; YAML reads `\uXXXX` there.
  return text.replace(
    new RegExp(UNSAFE_RAW.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
