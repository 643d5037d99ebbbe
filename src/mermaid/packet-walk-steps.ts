/**
 * A packet walk (derive/packet-walk.ts, worded by describe-walk.ts) drawn as a top-down list of
 * stops: one box per place the packet reaches (pod, node, client) with what happens there in a few
 * words, and between two stops a rounded box with the packet on the wire (addresses, the outer
 * header of an encapsulated hop, the devices it crosses). A sequence diagram puts every participant
 * side by side (1,600-3,200 px wide); this list is as narrow as its longest wrapped line, so it
 * reads in the content column and on a phone. The full notes (rule chains, reasons) are in the
 * description.
 */
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster } from '../model/types.ts';
import { packetWalk, type WalkSpec } from '../derive/packet-walk.ts';
import { describeWalk, type WalkWords } from './describe-walk.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { accessibleText, type SequenceDiagram } from './lookup-sequence.ts';
import { wrapText } from './labels.ts';

/** Characters per label line: ~36 characters of 16 px text are ~350 px wide. */
export const WALK_LINE_WIDTH = 36;

/** Id of the n-th stop (0 = where the packet starts). */
export const stopId = (n: number): string => `stop_${n}`;
/** Id of the n-th hop's packet on the wire, between stop n and stop n + 1. */
export const wireId = (n: number): string => `wire_${n}`;

/** The diagram of a walk in words: Mermaid flowchart text, title and description. */
export function packetWalkDiagram(walk: WalkWords): SequenceDiagram {
  const label = (id: string): string => walk.participants.find((p) => p.id === id)?.label ?? id;
  const hopWords = walk.hops.map((h, i) => {
    const sourcePort = h.outer?.sourcePort ? ` (${h.outer.sourcePort})` : '';
    const outer = h.outer ? ` inside ${h.outer.encapsulation} from ${h.outer.src} to ${h.outer.dst}${sourcePort}` : '';
    const notes = h.notes.length ? ` (${h.notes.join('; ')})` : '';
    return `${i + 1}. ${label(h.from)} to ${label(h.to)}: ${h.packet.src} → ${h.packet.dst}${outer}${notes}`;
  });
  const description = `${walk.summary} Hops: ${hopWords.join(' ')} Delivered: ${walk.delivered.src} → ${walk.delivered.dst}.`;

  const chart = new FlowchartBuilder('TB');
  chart.accessibility(accessibleText(walk.title), accessibleText(description));
  const wrap = (text: string): string[] => wrapText(text, WALK_LINE_WIDTH);
  walk.hops.forEach((hop, i) => {
    // The stop a hop leaves from: who it is, then what happens there before the packet moves on.
    chart.node(stopId(i), [...wrap(label(hop.from)), ...hop.shortNotes.flatMap((n) => wrap(`• ${n}`))], i === 0 ? 'stadium' : 'rect', 'stop');
  });
  const last = walk.hops.length;
  chart.node(stopId(last), wrap(`${label(walk.hops[last - 1]?.to ?? '')}: delivered`), 'stadium', 'stop');
  walk.hops.forEach((hop, i) => {
    // The packet on the wire as a box of its own between two stops: edge labels would be wrapped
    // by the layout at its own (narrow) width, boxes wrap where we say.
    const packet = `${hop.packet.src} → ${hop.packet.dst}`;
    const lines = packet.length > WALK_LINE_WIDTH ? [`${hop.packet.src} →`, hop.packet.dst] : [packet];
    if (hop.outer) {
      lines.push(...wrap(`outer ${hop.outer.src} → ${hop.outer.dst}`), ...wrap(hop.outer.encapsulation));
      if (hop.outer.sourcePort) lines.push(...wrap('outer source port: flow hash, example'));
    }
    lines.push(...wrap(`via ${hop.via}`));
    chart.node(wireId(i), lines, 'round', hop.outer ? 'tunnelled' : 'wire');
    chart.edge(stopId(i), wireId(i), undefined, hop.outer ? 'thick' : 'solid');
    chart.edge(wireId(i), stopId(i + 1), undefined, hop.outer ? 'thick' : 'solid');
  });
  return { mermaid: chart.toString(), title: walk.title, description };
}

/** Derives the walk for a cluster, words it and draws it. */
export function packetWalkDiagramFor(cluster: Cluster, spec: WalkSpec): SequenceDiagram {
  return packetWalkDiagram(describeWalk(packetWalk(cluster, spec), networkPlugin(cluster.plugin)));
}
