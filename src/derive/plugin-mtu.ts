/**
 * The pod MTU of every plugin module in every mode, for a few interface MTUs: each module computes
 * its own (NetworkPlugin.podMTU), so a new module or mode shows up without a change here.
 */
import { PLUGIN_MODULES, type PluginSpec } from '../plugins/index.ts';

/** One plugin in one mode, with the pod MTU it computes for each interface MTU asked for. */
export interface PluginMTURow {
  /** The spec a definition writes, e.g. `{ name: 'flannel', backend: 'vxlan' }`. */
  spec: PluginSpec;
  /** The plugin's own summary, e.g. `flannel (vxlan backend)`. */
  summary: string;
  /** Bytes reserved and why, at the first interface MTU (the same at every size for these plugins, except bridge). */
  overhead: number;
  reason: string;
  /** Pod MTU for each interface MTU, in the order asked for. */
  podMTUs: number[];
}

/** Interface MTUs worth comparing: Ethernet, AWS jumbo frames, GCE's default VPC, an OpenStack VXLAN tenant network. */
export const COMMON_INTERFACE_MTUS = [1500, 9001, 1460, 1450] as const;

/** Every module in every mode (modules without modes once), with their pod MTUs. */
export function pluginMTUTable(interfaceMTUs: readonly number[] = COMMON_INTERFACE_MTUS): PluginMTURow[] {
  if (interfaceMTUs.length === 0) throw new Error('pluginMTUTable: give at least one interface MTU');
  return PLUGIN_MODULES.flatMap((module) => {
    const specs: PluginSpec[] = module.mode
      ? module.mode.values.map((value) => ({ name: module.name, [module.mode!.field]: value }) as PluginSpec)
      : [{ name: module.name } as PluginSpec];
    return specs.map((spec): PluginMTURow => {
      const plugin = module.create(spec);
      const first = plugin.podMTU(interfaceMTUs[0]!);
      return { spec, summary: plugin.summary, overhead: first.overhead, reason: first.reason, podMTUs: interfaceMTUs.map((m) => plugin.podMTU(m).mtu) };
    });
  });
}
