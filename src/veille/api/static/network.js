// The actor network: a small force-directed layout (repulsion between nodes, springs
// along edges, a pull to the centre), run for a fixed number of steps from a circle,
// so the same data always gives the same picture. No library.
(function () {
  var svg = document.getElementById("network");
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var W = 900, H = 600, NS = "http://www.w3.org/2000/svg";
  var nodes = data.nodes, edges = data.edges, index = {};
  if (!nodes.length) return;
  var maxMentions = Math.max.apply(null, nodes.map(function (n) { return n.mentions; }));
  var maxEvents = Math.max.apply(null, edges.map(function (e) { return e.events; }));
  nodes.forEach(function (n, i) {
    var angle = 2 * Math.PI * i / nodes.length;
    n.x = W / 2 + 220 * Math.cos(angle); n.y = H / 2 + 220 * Math.sin(angle);
    n.r = 6 + 22 * Math.sqrt(n.mentions / maxMentions);
    index[n.code] = n;
  });
  for (var step = 0; step < 300; step++) {
    var heat = 1 - step / 300;
    nodes.forEach(function (a) { a.fx = (W / 2 - a.x) * 0.01; a.fy = (H / 2 - a.y) * 0.01; });
    for (var i = 0; i < nodes.length; i++) {
      for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
        var d2 = Math.max(dx * dx + dy * dy, 25), f = 9000 / d2, d = Math.sqrt(d2);
        a.fx += f * dx / d; a.fy += f * dy / d; b.fx -= f * dx / d; b.fy -= f * dy / d;
      }
    }
    edges.forEach(function (e) {
      var a = index[e.a], b = index[e.b], dx = b.x - a.x, dy = b.y - a.y;
      var d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = (d - 140) * 0.02;
      a.fx += f * dx / d; a.fy += f * dy / d; b.fx -= f * dx / d; b.fy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      n.x = Math.min(W - 30, Math.max(30, n.x + Math.max(-20, Math.min(20, n.fx)) * heat));
      n.y = Math.min(H - 30, Math.max(30, n.y + Math.max(-20, Math.min(20, n.fy)) * heat));
    });
  }
  function colour(g) {  // Goldstein -10 (red) … 0 (grey) … +10 (blue)
    var t = Math.max(-1, Math.min(1, (g || 0) / 10));
    return t >= 0 ? "hsl(207," + Math.round(60 * t) + "%," + Math.round(60 - 20 * t) + "%)"
                  : "hsl(5," + Math.round(-65 * t) + "%," + Math.round(60 + 15 * t) + "%)";
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    parent.appendChild(e);
    return e;
  }
  edges.forEach(function (e) {
    var a = index[e.a], b = index[e.b];
    var line = el("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour(e.mean_goldstein),
      "stroke-width": 1.5 + 10 * Math.sqrt(e.events / maxEvents), "class": "edge",
      "data-a": e.a, "data-b": e.b, "data-events": e.events}, svg);
    el("title", {}, line).textContent = e.a + " – " + e.b + ": " + e.events + " events, " +
      e.mentions + " mentions, mean Goldstein " + e.mean_goldstein;
  });
  nodes.forEach(function (n) {
    var g = el("g", {"class": "node", "data-code": n.code, transform: "translate(" + n.x + "," + n.y + ")"}, svg);
    el("circle", {r: n.r}, g);
    el("title", {}, g).textContent = n.code + " " + (n.name || "") + ": " + n.mentions + " mentions";
    el("text", {x: n.r + 3, y: 4}, g).textContent = n.code;
  });
})();
