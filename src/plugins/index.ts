/**
 * Network plugins: one module per plugin (flannel.ts, calico.ts, cilium.ts, bridge.ts) behind one
 * interface (plugin.ts), looked up by the `plugin:` field of a cluster definition. Node routes,
 * packet walks, views, subnet.env, defaults and validation ask the plugin instead of switching on
 * its name. A new plugin is one more module and one more entry in PLUGIN_MODULES.
 */
import { bridge, type BridgePlugin } from './bridge.ts';
import { calico, type CalicoPlugin } from './calico.ts';
import { cilium, type CiliumPlugin } from './cilium.ts';
import { flannel, type FlannelPlugin } from './flannel.ts';
import type { NetworkPlugin, PluginModule } from './plugin.ts';

export type { BridgePlugin, CalicoPlugin, CiliumPlugin, FlannelPlugin };
export type * from './plugin.ts';

/** The network plugin (CNI) of the cluster and its mode. */
export type PluginSpec = FlannelPlugin | CalicoPlugin | CiliumPlugin | BridgePlugin;

/** Every plugin module, in the order hints list them. */
export const PLUGIN_MODULES: readonly PluginModule<PluginSpec>[] = [flannel, calico, cilium, bridge];

/** The module of the plugin called `name`, if there is one. */
export function pluginModule(name: unknown): PluginModule<PluginSpec> | undefined {
  return PLUGIN_MODULES.find((m) => m.name === name);
}

/** The plugin for a spec (validated or typed); throws for an unknown plugin name. */
export function networkPlugin(spec: PluginSpec): NetworkPlugin {
  const module = pluginModule(spec.name);
  if (!module) throw new Error(`unknown network plugin "${String(spec.name)}"`);
  return module.create(spec);
}

/**
 * The pod network a plugin uses when the definition names none. An unknown plugin is reported
 * by validation; until then it gets flannel's, so the resolved shape stays complete.
 */
export function defaultClusterCIDR(spec: { name?: unknown } | undefined): string {
  return (pluginModule(spec?.name) ?? flannel).defaultClusterCIDR;
}

/** How a definition spells the suggested spec of a module, e.g. `{ name: 'flannel', backend: 'vxlan' }`. */
export function exampleSpec(module: PluginModule<PluginSpec>): string {
  const mode = module.mode ? `, ${module.mode.field}: '${module.mode.values[0]}'` : '';
  return `{ name: '${module.name}'${mode} }`;
}
