import { describe, expect, it } from 'vitest'
import { expectRender, render } from './test-helper'

describe('#set and #if', () => {
  it('assigns, compares and branches', () => {
    expectRender('#set($a = 2)#if($a == 1)one#elseif($a == 2)two#{else}other#end', {}, 'two')
    expectRender('#set($m = {})#set($m.k = "v")$m.k', {}, 'v')
    expectRender('#set($l = [1,2,3])#set($l[0] = 9)$l', {}, '[9, 2, 3]')
    expectRender('#set($n = 5)#set($n = 1 / 0)$n', {}, '5')
  })
  it('gobbles whitespace like Velocity 1.7', () => {
    expectRender('  #set($a = 1)\n$a', {}, '1')
    expectRender('a\n\t#if(true)\n\tb\n\t#end\nc', {}, 'a\n\t\tb\n\tc')
    expectRender('#if(true)a#end   \nb', {}, 'ab')
  })
  it('treats literals as false in conditions, references as true unless false', () => {
    expectRender('#if(" ")T#{else}F#end', {}, 'F')
    expectRender('#if(1 + 1)T#{else}F#end', {}, 'F')
    expectRender('#set($a = "")#if($a)T#{else}F#end', {}, 'T')
    expectRender('#set($a = false)#if($a)T#{else}F#end', {}, 'F')
  })
})

describe('#foreach', () => {
  it('exposes loop state and restores the loop variable', () => {
    expectRender(
      '#foreach($i in [1..3])$foreach.index$foreach.count$velocityCount#end',
      {},
      '011122233',
    )
    expectRender('#foreach($i in ["a","b"])$i#if($foreach.hasNext),#end#end', {}, 'a,b')
    expectRender('#set($i = "orig")#foreach($i in [1..3])#end$i', {}, 'orig')
  })
  it('stops after 1000 iterations like API Gateway', () => {
    expectRender('#set($c = 0)#foreach($i in [1..5000])#set($c = $c + 1)#end$c', {}, '1000')
  })
  it('breaks the innermost loop or a named scope', () => {
    expectRender('#foreach($i in [1..5])#if($i == 3)#break#end$i#end', {}, '12')
    expectRender(
      '#foreach($i in [1..2])#foreach($j in [1..3])#if($j == 2)#break($foreach.parent)#end$i$j #end#end',
      {},
      '11 ',
    )
  })
})

describe('#macro, #define, #evaluate, #stop', () => {
  it('passes arguments by name and sets globals', () => {
    expectRender('#macro(m $a)$a$a#end#set($n = 0)#m("#set($n = $n + 1)$n")', {}, '12')
    expectRender('#macro(m)#set($g = "global")#end#m()$g', {}, 'global')
    expectRender('#macro(m $a $b)[$a|$b]#end#m("x")', {}, '[x|]')
  })
  it('keeps the first definition of a macro', () => {
    expectRender('#macro(f)1#end#macro(f)2#end#f()', {}, '1')
  })
  it('renders #define blocks lazily and #evaluate strings', () => {
    expectRender('#define($d)D$i#end#set($i = 1)$d#set($i = 2)$d', {}, 'D1D2')
    expectRender('#evaluate("#set($e = 5)$e")', {}, '5')
  })
  it('stops rendering at #stop', () => {
    expectRender('a#stop b', {}, 'a')
  })
  it('prints unknown directives as text', () => {
    expectRender('#notadirective()', {}, '#notadirective()')
  })
})

describe('blanks before the closing parenthesis', () => {
  it('accepts space, tab and newline before ) in directives and macro calls', () => {
    expectRender('#foreach( $i in [1,2] )$i#end', {}, '12')
    expectRender('#foreach($i in [1,2]\t)$i#end', {}, '12')
    expectRender('#foreach($i in [1,2]\n)$i#end', {}, '12')
    expectRender('#define( $loop )L#end$loop', {}, 'L')
    expectRender('#macro(m $a)[$a]#end#m(1 )#m( 2\n)', {}, '[1][2]')
    expectRender('#if( true )a#elseif( true )b#end#set( $x = 1 )$x', {}, 'a1')
  })
  it('still rejects a trailing comma', () => {
    const r = render('#macro(m $a)$a#end#m(1, )')
    expect(r.ok).toBe(false)
  })
})

describe('Velocity 1.7 argument corners', () => {
  it('loops over nothing when #foreach has no list, and #include() writes nothing', () => {
    expectRender('#foreach($x in )a#end|#include( )|', {}, '||')
  })
  it('reports #evaluate without exactly one argument as a syntax error', () => {
    const r = render('#evaluate( )')
    expect(!r.ok && r.errorKind).toBe('syntax')
  })
  it('renders a #define block that refers to itself two levels deep, then its own text', () => {
    expectRender('#define($e)[$e]#end$e', {}, '[[$e]]')
    expectRender('#define($e)[$!e]#end$e', {}, '[[]]')
    expectRender('#define($a)A$b#end#define($b)B$a#end$a', {}, 'ABAB$a')
  })
})
