import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCluster } from '../../../src/model/index.ts';
import { ingressApiObject, ingressClassObject, ingressManifest, ingressObject } from '../../../src/derive/ingress-manifest.ts';
import example from '../../../diagrams/ingress-gateway.ts';

// kubernetes/website content/en/examples/service/networking/simple-fanout-example.yaml (stored as flow YAML), in namespace default.
const SIMPLE_FANOUT = `{
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "simple-fanout-example", namespace: "default" },
  spec: {
    rules: [{
      host: "foo.bar.com",
      http: {
        paths: [{
          path: "/foo", pathType: "Prefix",
          backend: { service: { name: "service1", port: { number: 4200 } } },
        }, {
          path: "/bar", pathType: "Prefix",
          backend: { service: { name: "service2", port: { number: 8080 } } },
        }],
      },
    }],
  },
}`;

// .../name-virtual-host-ingress-no-third-host.yaml: two hosts, then a rule without host.
const VIRTUAL_HOSTS = `{
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "name-virtual-host-ingress-no-third-host", namespace: "default" },
  spec: {
    rules: [
      { host: "first.bar.com", http: { paths: [{ pathType: "Prefix", path: "/", backend: { service: { name: "service1", port: { number: 80 } } } }] } },
      { host: "second.bar.com", http: { paths: [{ pathType: "Prefix", path: "/", backend: { service: { name: "service2", port: { number: 80 } } } }] } },
      { http: { paths: [{ pathType: "Prefix", path: "/", backend: { service: { name: "service3", port: { number: 80 } } } }] } },
    ],
  },
}`;

// .../default-ingressclass.yaml without its app.kubernetes.io/component label (the model has no labels here).
const DEFAULT_CLASS = `{
  apiVersion: "networking.k8s.io/v1",
  kind: "IngressClass",
  metadata: { name: "example-class", annotations: { ingressclass.kubernetes.io/is-default-class: "true" } },
  spec: { controller: "k8s.io/example-class" },
}`;

const rule = (host: string | undefined, path: string, service: string, port: number) => ({ ...(host ? { host } : {}), path, pathType: 'Prefix' as const, backend: { service, port } });

describe('Ingress manifests', () => {
  it("writes the Kubernetes docs' simple fanout: one host's paths under one rule", () => {
    const ing = { name: 'simple-fanout-example', namespace: 'default', rules: [rule('foo.bar.com', '/foo', 'service1', 4200), rule('foo.bar.com', '/bar', 'service2', 8080)] };
    expect(ingressObject(ing)).toEqual(parse(SIMPLE_FANOUT));
  });

  it("writes the Kubernetes docs' name-based virtual hosts, the host-less rule last", () => {
    const ing = { name: 'name-virtual-host-ingress-no-third-host', namespace: 'default', rules: [rule('first.bar.com', '/', 'service1', 80), rule('second.bar.com', '/', 'service2', 80), rule(undefined, '/', 'service3', 80)] };
    expect(ingressObject(ing)).toEqual(parse(VIRTUAL_HOSTS));
  });

  it("writes the Kubernetes docs' default IngressClass, and no annotation on a class that is not the default", () => {
    expect(ingressClassObject({ name: 'example-class', controller: 'k8s.io/example-class', isDefaultClass: true })).toEqual(parse(DEFAULT_CLASS));
    expect(ingressClassObject({ name: 'internal', controller: 'example.com/internal' }).metadata).toEqual({ name: 'internal' });
  });

  describe('the ingress-gateway example', () => {
    const cluster = resolveCluster(example, 'ingress-gateway');

    it('writes the Ingress with its class and every model rule as one path, leaving controllerService out', () => {
      const doc = parse(ingressManifest(cluster, 'Ingress', 'default/shop'));
      const ing = cluster.ingresses[0]!;
      expect(doc.spec.ingressClassName).toBe(ing.ingressClassName);
      const paths = doc.spec.rules.flatMap((r: { host: string; http: { paths: Array<{ path: string; pathType: string; backend: { service: { name: string; port: { number: number } } } }> } }) =>
        r.http.paths.map((p) => `${r.host}${p.path} ${p.pathType} -> ${p.backend.service.name}:${p.backend.service.port.number}`));
      expect(paths).toEqual(ing.rules.map((r) => `${r.host}${r.path} ${r.pathType} -> ${r.backend.service}:${r.backend.port}`));
      expect(JSON.stringify(doc)).not.toContain('controllerService');
      expect(Object.keys(doc.spec.rules[0].http.paths[0])).toEqual(['path', 'pathType', 'backend']);
    });

    it("names the class's controller from the model, and the class the Ingress names", () => {
      const doc = parse(ingressManifest(cluster, 'IngressClass', 'example'));
      expect(doc.spec.controller).toBe(cluster.ingressClasses![0]!.controller);
      expect(doc.metadata.name).toBe(cluster.ingresses[0]!.ingressClassName);
    });

    it('throws naming the cluster for an object that is not there', () => {
      expect(() => ingressApiObject(cluster, 'Ingress', 'ingress/shop')).toThrow('Cluster "ingress-gateway" has no Ingress "ingress/shop".');
      expect(() => ingressApiObject(cluster, 'IngressClass', 'nginx')).toThrow('no IngressClass "nginx"');
    });
  });
});
