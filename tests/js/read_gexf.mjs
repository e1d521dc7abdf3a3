// Parse a GEXF file as Gephi Lite and sigma.js do (graphology-gexf) and print what was read, as JSON.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse } from "graphology-gexf";

const graph = parse(Graph, readFileSync(process.argv[2], "utf-8"), { addMissingNodes: false });
const nodes = {};
graph.forEachNode((key, attrs) => { nodes[key] = attrs; });
const edges = [];
graph.forEachEdge((key, attrs, source, target) => { edges.push({ source, target, ...attrs }); });
console.log(JSON.stringify({ type: graph.type, order: graph.order, size: graph.size, nodes, edges }));
