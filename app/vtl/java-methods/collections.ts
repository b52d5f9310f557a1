/**
 * Whitelisted java.util.List / Map / Map views / Iterator / Map.Entry methods.
 */
import {
  JEntry,
  JIterator,
  JList,
  JMap,
  JMapView,
  JSubList,
  javaEquals,
  listItems,
  type JValue,
} from '../values'
import { NO_METHOD, checkIndex, isInt, raise, type MethodResult } from './support'

/** A fail-fast iterator over a list. */
export function listIterator(l: JList): JIterator {
  return new JIterator(
    () => l.items,
    () => l.modCount,
    l.modCount,
  )
}

/** A fail-fast iterator over a map view (snapshot of the entries when created). */
export function viewIterator(v: JMapView): JIterator {
  const snap = v.snapshot()
  return new JIterator(
    () => snap,
    () => v.map.modCount,
    v.map.modCount,
    snap.length,
  )
}

/** Java's `Iterator.hasNext()` for our iterators. */
export function iteratorHasNext(it: JIterator): boolean {
  return it.i < (it.fixedSize ?? it.items().length)
}

/** Java's `Iterator.next()`, throwing ConcurrentModificationException like ArrayList's. */
export function iteratorNext(it: JIterator): JValue {
  if (it.modCount() !== it.expected) raise('java.util.ConcurrentModificationException', 'null')
  const items = it.items()
  if (it.i >= items.length) raise('java.util.NoSuchElementException', '')
  return items[it.i++] ?? null
}

function indexOf(items: JValue[], x: JValue): number {
  return items.findIndex((e) => javaEquals(e, x))
}

/** List methods. */
export function callListMethod(l: JList, name: string, a: JValue[]): MethodResult {
  const [x, y] = a
  const n = a.length
  const items = l.items
  switch (name) {
    case 'size':
      return n === 0 ? items.length : NO_METHOD
    case 'isEmpty':
      return n === 0 ? items.length === 0 : NO_METHOD
    case 'get':
      if (n !== 1 || !isInt(x)) return NO_METHOD
      checkIndex(x, items.length)
      return items[x] ?? null
    case 'contains':
      return n === 1 ? indexOf(items, x ?? null) >= 0 : NO_METHOD
    case 'indexOf':
      return n === 1 ? indexOf(items, x ?? null) : NO_METHOD
    case 'lastIndexOf':
      return n === 1 ? items.map((e) => javaEquals(e, x ?? null)).lastIndexOf(true) : NO_METHOD
    case 'add':
      if (n === 1) {
        if (items.length >= 1_000_000)
          raise('vtl.limit', 'The list would grow past 1,000,000 elements')
        items.push(x ?? null)
        l.modCount++
        return true
      }
      if (n === 2 && isInt(x)) {
        if (x < 0 || x > items.length)
          raise('java.lang.IndexOutOfBoundsException', `Index: ${x}, Size: ${items.length}`)
        items.splice(x, 0, y ?? null)
        l.modCount++
        return null
      }
      return NO_METHOD
    case 'addAll': {
      const more = n === 1 ? listItems(x ?? null) : undefined
      if (!more) return NO_METHOD
      if (items.length + more.length > 1_000_000)
        raise('vtl.limit', 'The list would grow past 1,000,000 elements')
      for (const x of [...more]) items.push(x)
      l.modCount++
      return more.length > 0
    }
    case 'set':
      if (n !== 2 || !isInt(x)) return NO_METHOD
      checkIndex(x, items.length)
      return items.splice(x, 1, y ?? null)[0] ?? null
    case 'remove':
      if (n !== 1) return NO_METHOD
      l.modCount++
      if (isInt(x)) {
        checkIndex(x, items.length)
        return items.splice(x, 1)[0] ?? null
      } else {
        const i = indexOf(items, x ?? null)
        if (i >= 0) items.splice(i, 1)
        return i >= 0
      }
    case 'clear':
      if (n !== 0) return NO_METHOD
      items.length = 0
      l.modCount++
      return null
    case 'iterator':
      return n === 0 ? listIterator(l) : NO_METHOD
    case 'subList':
      if (n !== 2 || !isInt(x) || !isInt(y)) return NO_METHOD
      if (x < 0 || y > items.length || x > y)
        raise(
          'java.lang.IndexOutOfBoundsException',
          `fromIndex: ${x}, toIndex: ${y}, size: ${items.length}`,
        )
      return new JSubList(l, x, y)
    case 'containsAll': {
      const other = n === 1 ? listItems(x ?? null) : undefined
      return other ? other.every((e) => indexOf(items, e) >= 0) : NO_METHOD
    }
    default:
      return NO_METHOD
  }
}

/** Map methods. */
export function callMapMethod(m: JMap, name: string, a: JValue[]): MethodResult {
  const [x = null, y = null] = a
  const n = a.length
  switch (name) {
    case 'get':
      return n === 1 ? (m.get(x) ?? null) : NO_METHOD
    case 'put':
      return n === 2 ? m.put(x, y) : NO_METHOD
    case 'containsKey':
      return n === 1 ? m.has(x) : NO_METHOD
    case 'containsValue':
      return n === 1 ? [...m.entries.values()].some((e) => javaEquals(e.v, x)) : NO_METHOD
    case 'keySet':
      return n === 0 ? new JMapView(m, 'keys') : NO_METHOD
    case 'values':
      return n === 0 ? new JMapView(m, 'values') : NO_METHOD
    case 'entrySet':
      return n === 0 ? new JMapView(m, 'entries') : NO_METHOD
    case 'size':
      return n === 0 ? m.entries.size : NO_METHOD
    case 'isEmpty':
      return n === 0 ? m.entries.size === 0 : NO_METHOD
    case 'remove':
      return n === 1 ? m.remove(x) : NO_METHOD
    case 'getOrDefault':
      return n === 2 ? (m.has(x) ? (m.get(x) ?? null) : y) : NO_METHOD
    case 'putIfAbsent': {
      if (n !== 2) return NO_METHOD
      const cur = m.get(x)
      if (cur === undefined || cur === null) return m.put(x, y)
      return cur
    }
    case 'putAll':
      if (n !== 1 || !(x instanceof JMap)) return NO_METHOD
      for (const e of [...x.entries.values()]) m.put(e.k, e.v)
      return null
    case 'clear':
      if (n !== 0) return NO_METHOD
      m.entries.clear()
      m.modCount++
      return null
    default:
      return NO_METHOD
  }
}

/** keySet() / values() / entrySet() methods. */
export function callViewMethod(v: JMapView, name: string, a: JValue[]): MethodResult {
  const n = a.length
  switch (name) {
    case 'size':
      return n === 0 ? v.map.entries.size : NO_METHOD
    case 'isEmpty':
      return n === 0 ? v.map.entries.size === 0 : NO_METHOD
    case 'contains':
      return n === 1 ? v.snapshot().some((e) => javaEquals(e, a[0] ?? null)) : NO_METHOD
    case 'iterator':
      return n === 0 ? viewIterator(v) : NO_METHOD
    default:
      return NO_METHOD
  }
}

/** Map.Entry and Iterator methods. */
export function callEntryOrIterator(
  o: JEntry | JIterator,
  name: string,
  a: JValue[],
): MethodResult {
  if (a.length !== 0) return NO_METHOD
  if (o instanceof JEntry) {
    if (name === 'getKey') return o.key
    if (name === 'getValue') return o.value
    return NO_METHOD
  }
  if (name === 'hasNext') return iteratorHasNext(o)
  if (name === 'next') return iteratorNext(o)
  return NO_METHOD
}

const SUBLIST_READS = new Set([
  'size',
  'isEmpty',
  'get',
  'contains',
  'indexOf',
  'lastIndexOf',
  'iterator',
  'containsAll',
])

/** Read-only methods of a subList view; any use after the list changed size throws CME. */
export function callSubListMethod(v: JSubList, name: string, a: JValue[]): MethodResult {
  if (!SUBLIST_READS.has(name)) return NO_METHOD
  if (v.base.modCount !== v.expected) raise('java.util.ConcurrentModificationException', '')
  return callListMethod(new JList(v.snapshot()), name, a)
}
