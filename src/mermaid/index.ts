/**
 * Mermaid generation from the model: views, descriptions, escaping. Isomorphic; the Node-only
 * build (`buildDiagrams`, `readDiagram`) lives in `./build` and watch mode in `./watch`.
 */
export { renderView, renderViews, isViewName, VIEW_NAMES, type RenderedView, type ViewName } from './views';
export { topologyView } from './topology-view';
export { servicesView, isProxied } from './services-view';
export { describeTopology, describeServices } from './describe';
export { escapeMermaidText, mermaidLabel, mermaidLines, mermaidId } from './escape';
export { FlowchartBuilder, type EdgeStyle, type NodeShape } from './flowchart';
