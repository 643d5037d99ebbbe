/**
 * Mermaid `sequenceDiagram` of a packet walk (derive/packet-walk.ts, worded by describe-walk.ts):
 * one message per hop with the addresses on the wire, notes for NAT and routing decisions, and
 * the outer header of encapsulated hops.
 */
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster } from '../model/types.ts';
import { packetWalk, type WalkSpec } from '../derive/packet-walk.ts';
import { describeWalk, type WalkWords } from './describe-walk.ts';
import { escapeMermaidText, mermaidId } from './escape.ts';
import { accessibleText, type SequenceDiagram } from './lookup-sequence.ts';

/** The sequence diagram of a walk in words. */
export function packetWalkSequence(walk: WalkWords): SequenceDiagram {
  const id = (participant: string): string => mermaidId('p', participant);
  const hopWords = walk.hops.map((h, i) => {
    const from = walk.participants.find((p) => p.id === h.from)?.label ?? h.from;
    const to = walk.participants.find((p) => p.id === h.to)?.label ?? h.to;
    const outer = h.outer ? ` inside ${h.outer.encapsulation} from ${h.outer.src} to ${h.outer.dst}${h.outer.sourcePort ? ` (${h.outer.sourcePort})` : ''}` : '';
    const notes = h.notes.length ? ` (${h.notes.join('; ')})` : '';
    return `${i + 1}. ${from} to ${to}: ${h.packet.src} → ${h.packet.dst}${outer}${notes}`;
  });
  const description = `${walk.summary} Hops: ${hopWords.join(' ')} Delivered: ${walk.delivered.src} → ${walk.delivered.dst}.`;
  const lines = [
    'sequenceDiagram',
    `  accTitle: ${accessibleText(walk.title)}`,
    `  accDescr: ${accessibleText(description)}`,
    ...walk.participants.map((p) => `  participant ${id(p.id)} as ${escapeMermaidText(p.label)}`),
  ];
  for (const hop of walk.hops) {
    for (const note of hop.notes) lines.push(`  Note over ${id(hop.from)}: ${escapeMermaidText(note)}`);
    if (hop.outer) {
      const why = hop.outer.sourcePort ? `; ${hop.outer.sourcePort}` : '';
      lines.push(`  Note over ${id(hop.from)},${id(hop.to)}: ${escapeMermaidText(`outer ${hop.outer.src} → ${hop.outer.dst}, ${hop.outer.encapsulation}${why}`)}`);
    }
    lines.push(`  ${id(hop.from)}->>${id(hop.to)}: ${escapeMermaidText(`${hop.packet.src} → ${hop.packet.dst} via ${hop.via}`)}`);
  }
  return { mermaid: lines.join('\n') + '\n', title: walk.title, description };
}

/** Derives the walk for a cluster, words it and draws it. */
export function packetWalkSequenceFor(cluster: Cluster, spec: WalkSpec): SequenceDiagram {
  return packetWalkSequence(describeWalk(packetWalk(cluster, spec), networkPlugin(cluster.plugin)));
}
