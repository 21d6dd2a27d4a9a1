// Smart Cockpit phone companion: shows what the car reports (pushed over a WebSocket) and sends
// comfort and charging commands, each answered by the car (confirmed or refused, with its reason).
"use strict";

const TEXT = {
  en: {
    title: "My car", theme: "Theme", pairTitle: "Pair this phone", pairButton: "Pair this phone",
    pairText: "This phone will be able to see the car and use its comfort and charging controls. Compare the certificate fingerprint your browser shows with the one on the head unit.",
    lockedTitle: "Not paired",
    lockedText: "This phone is not paired with the car, or it was removed on the head unit. Open the Companion screen in the car and scan its QR code to pair again.",
    range: "Range", chargeLimit: "Charge limit", startCharging: "Start charging", stopCharging: "Stop charging",
    car: "Car", doors: "Doors", windows: "Windows", lock: "Lock", unlock: "Unlock", flash: "Flash lights",
    climate: "Climate", cabin: "Cabin", outside: "Outside", target: "Target", carTarget: "Set in the car",
    precondition: "Precondition cabin", seatDriver: "Driver seat heating", seatPassenger: "Passenger seat heating",
    location: "Location", tyres: "Tyres", warnings: "Warnings", noWarnings: "No warnings",
    locked: "Locked", unlocked: "Unlocked", allClosed: "All closed", open: "open",
    notCharging: "Not charging", plugged: "Plugged in", charging: "Charging", complete: "Charge complete",
    toTarget: "to target", reconnecting: "Connection to the car lost; reconnecting…",
    sending: "Sending to the car…", confirmed: "Done: the car confirms", refused: "The car refused",
    forbidden: "Not allowed from a phone", failed: "No answer from the car", expired: "Not done",
    rate_limited: "Too many requests; wait a moment", busy: "The car is busy; try again",
    pairedOk: "Paired. Welcome!", pairFailed: "Pairing failed", noPosition: "No position yet",
    tyre_front_left: "Front left", tyre_front_right: "Front right", tyre_rear_left: "Rear left", tyre_rear_right: "Rear right",
    w_LowStateOfCharge: "Battery low", w_TirePressureLow: "Tyre pressure low", w_PowertrainFault: "Powertrain fault",
    w_TractionBatteryFault: "Battery fault", w_LowVoltageBatteryFault: "12 V battery fault",
    w_IsolationFault: "Insulation fault", w_ChargingFault: "Charging fault", w_BrakeFault: "Brake fault",
    w_AirbagFault: "Airbag fault", w_SeatbeltUnfastened: "Seat belt unfastened", w_SensorFault: "Sensor fault",
  },
  zh: {
    title: "我的车", theme: "主题", pairTitle: "配对此手机", pairButton: "配对此手机",
    pairText: "配对后，此手机可以查看车辆状态并使用舒适和充电功能。请核对浏览器显示的证书指纹与车机上显示的是否一致。",
    lockedTitle: "未配对", lockedText: "此手机未与车辆配对，或已在车机上被移除。请在车内打开“手机互联”页面，扫描二维码重新配对。",
    range: "续航", chargeLimit: "充电上限", startCharging: "开始充电", stopCharging: "停止充电",
    car: "车辆", doors: "车门", windows: "车窗", lock: "上锁", unlock: "解锁", flash: "闪灯",
    climate: "空调", cabin: "车内", outside: "车外", target: "目标温度", carTarget: "车内设定",
    precondition: "预调车内温度", seatDriver: "主驾座椅加热", seatPassenger: "副驾座椅加热",
    location: "位置", tyres: "轮胎", warnings: "警告", noWarnings: "无警告",
    locked: "已上锁", unlocked: "未上锁", allClosed: "全部关闭", open: "打开",
    notCharging: "未充电", plugged: "已插枪", charging: "充电中", complete: "充电完成",
    toTarget: "充至上限", reconnecting: "与车辆的连接已断开，正在重新连接…",
    sending: "正在发送到车辆…", confirmed: "完成：车辆已确认", refused: "车辆拒绝",
    forbidden: "手机不允许此操作", failed: "车辆无应答", expired: "未执行",
    rate_limited: "请求过多，请稍候", busy: "车辆忙，请重试",
    pairedOk: "配对成功，欢迎！", pairFailed: "配对失败", noPosition: "暂无位置",
    tyre_front_left: "左前", tyre_front_right: "右前", tyre_rear_left: "左后", tyre_rear_right: "右后",
    w_LowStateOfCharge: "电量低", w_TirePressureLow: "胎压低", w_PowertrainFault: "动力系统故障",
    w_TractionBatteryFault: "动力电池故障", w_LowVoltageBatteryFault: "12 V 蓄电池故障",
    w_IsolationFault: "绝缘故障", w_ChargingFault: "充电故障", w_BrakeFault: "制动故障",
    w_AirbagFault: "安全气囊故障", w_SeatbeltUnfastened: "安全带未系", w_SensorFault: "传感器故障",
  },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let lang = params.get("lang") || localStorage.getItem("lang") || (navigator.language.startsWith("zh") ? "zh" : "en");
let theme = params.get("theme") || localStorage.getItem("theme") ||
  (matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark");
let state = null;
let targetTemp = 21;
let targetTouched = false;
let socket = null;
let retryMs = 1000;

const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;

function applyLook() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  $("lang-toggle").textContent = lang === "zh" ? "EN" : "中文";
  $("theme-toggle").textContent = theme === "dark" ? "☀" : "☾";
  if (state) render(state);
}

function show(view) {
  for (const id of ["pair-view", "locked-view", "car-view"]) $(id).hidden = id !== view;
}

function banner(text) {
  $("banner").hidden = !text;
  $("banner").textContent = text || "";
}

let toastTimer = null;
function toast(text, kind) {
  const el = $("toast");
  el.textContent = text;
  el.className = "toast " + (kind || "");
  el.hidden = false;
  clearTimeout(toastTimer);
  if (kind) toastTimer = setTimeout(() => { el.hidden = true; }, 6000);
}

const fmt = (v, digits = 0, unit = "") => (v === null || v === undefined ? "–" : Number(v).toFixed(digits) + unit);

function render(s) {
  state = s;
  $("soc").textContent = fmt(s.soc, 1);
  $("range").textContent = fmt(s.range_km, 0, " km");
  $("soc-bar").style.width = (s.soc || 0) + "%";
  const c = s.charging || {};
  $("limit").textContent = fmt(c.limit, 0, "%");
  $("limit-mark").style.left = (c.limit || 100) + "%";
  let line = t("notCharging");
  if (c.active) {
    line = `${t("charging")} ${fmt(c.power_kw, 1, " kW")}`;
    if (c.minutes_to_target) line += ` · ${Math.floor(c.minutes_to_target / 60)} h ${c.minutes_to_target % 60} min ${t("toTarget")}`;
  } else if (c.state === "COMPLETE") line = t("complete");
  else if (c.plugged) line = t("plugged");
  $("charge-line").textContent = line;
  $("charge-toggle").textContent = c.active ? t("stopCharging") : t("startCharging");
  $("locks").textContent = s.locked === null || s.locked === undefined ? "–" : (s.locked ? t("locked") : t("unlocked"));
  const open = Object.entries(s.windows || {}).filter(([, v]) => v > 0);
  $("windows").textContent = open.length ? open.map(([k, v]) => `${t("tyre_" + k)} ${v}%`).join(", ") : t("allClosed");
  $("cabin-temp").textContent = fmt(s.cabin_c, 1, " °C");
  $("outside-temp").textContent = fmt(s.outside_c, 1, " °C");
  const cl = s.climate || {};
  $("car-target").textContent = fmt(cl.target_c, 1, " °C");
  if (!targetTouched && typeof cl.target_c === "number") targetTemp = cl.target_c;
  $("target-temp").textContent = targetTemp.toFixed(0) + "°";
  for (const box of document.querySelectorAll(".levels")) {
    const level = (s.seat_heating || {})[box.dataset.seat];
    box.querySelectorAll("button").forEach((b, i) => b.classList.toggle("active", i === level));
  }
  drawMap(s);
  $("tyres").replaceChildren(...Object.entries(s.tyres || {}).map(([k, v]) => {
    const d = document.createElement("div");
    d.className = v.low ? "low" : "";
    d.textContent = `${t("tyre_" + k)} ${v.kpa === null ? "–" : (v.kpa / 100).toFixed(1) + " bar"}`;
    return d;
  }));
  const warnings = s.warnings || [];
  $("warnings").replaceChildren(...(warnings.length ? warnings : [null]).map((w) => {
    const li = document.createElement("li");
    li.textContent = w ? t("w_" + w) : t("noWarnings");
    if (!w) li.className = "none";
    return li;
  }));
}

function drawMap(s) {
  const svg = $("map");
  const loc = s.location || {};
  if (loc.lat === null || loc.lat === undefined) {
    svg.replaceChildren();
    $("coords").textContent = t("noPosition");
    return;
  }
  const pts = [...(s.route || []), ...(s.track || []), [loc.lat, loc.lon]];
  const lats = pts.map((p) => p[0]), lons = pts.map((p) => p[1]);
  const k = Math.cos((loc.lat * Math.PI) / 180);
  let minX = Math.min(...lons) * k, maxX = Math.max(...lons) * k, minY = Math.min(...lats), maxY = Math.max(...lats);
  const span = Math.max(maxX - minX, (maxY - minY) * 16 / 9, 0.002);
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const scale = 300 / span;
  const xy = (p) => [160 + (p[1] * k - cx) * scale, 90 - (p[0] - cy) * scale];
  const path = (list) => list.map((p, i) => (i ? "L" : "M") + xy(p).map((v) => v.toFixed(1)).join(" ")).join("");
  const ns = "http://www.w3.org/2000/svg";
  const el = (name, attrs) => {
    const e = document.createElementNS(ns, name);
    for (const [a, v] of Object.entries(attrs)) e.setAttribute(a, v);
    return e;
  };
  const [x, y] = xy([loc.lat, loc.lon]);
  const children = [];
  if ((s.route || []).length > 1) children.push(el("path", { class: "route", d: path(s.route) }));
  if ((s.track || []).length > 1) children.push(el("path", { class: "track", d: path(s.track) }));
  children.push(el("path", { class: "car", d: "M0 -10 L7 8 L0 4 L-7 8 Z",
    transform: `translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${loc.heading || 0})` }));
  svg.replaceChildren(...children);
  $("coords").textContent = `${loc.lat.toFixed(5)}, ${loc.lon.toFixed(5)}`;
}

async function command(body) {
  toast(t("sending"));
  document.querySelectorAll("#car-view button").forEach((b) => { b.disabled = true; });
  try {
    const r = await fetch("/api/command", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()), ...body }),
    });
    const answer = await r.json().catch(() => ({}));
    if (r.status === 401) return lockedOut();
    const status = answer.status || answer.error || "failed";
    const reason = answer.reason || (answer.status ? "" : answer.message) || "";
    toast(t(status) + (reason ? ": " + reason : ""), status === "confirmed" ? "ok" : "bad");
  } catch (e) {
    toast(t("failed"), "bad");
  } finally {
    document.querySelectorAll("#car-view button").forEach((b) => { b.disabled = false; });
  }
}

function lockedOut() {
  if (socket) socket.onclose = null, socket.close();
  socket = null;
  banner("");
  show("locked-view");
}

function connect() {
  socket = new WebSocket(`wss://${location.host}/ws`);
  socket.onopen = () => { retryMs = 1000; banner(""); $("link-dot").classList.add("on"); };
  socket.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.type === "state") {
      show("car-view");
      render(msg.state);
    }
  };
  socket.onclose = async (e) => {
    $("link-dot").classList.remove("on");
    if (e.code === 4401) return lockedOut();
    banner(t("reconnecting"));
    try {
      const r = await fetch("/api/state");
      if (r.status === 401) return lockedOut();
    } catch (err) { /* the head unit is away: keep trying */ }
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };
}

async function start() {
  const pairing = location.pathname.match(/^\/pair\/([A-Za-z0-9_-]+)$/);
  if (pairing) {
    show("pair-view");
    $("pair-button").onclick = async () => {
      $("pair-button").disabled = true;
      const r = await fetch("/api/pair", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: pairing[1] }) }).catch(() => null);
      const answer = r ? await r.json().catch(() => ({})) : {};
      if (r && r.ok) {
        history.replaceState(null, "", "/");
        toast(t("pairedOk"), "ok");
        connect();
      } else {
        $("pair-button").disabled = false;
        toast(`${t("pairFailed")}: ${answer.message || t("failed")}`, "bad");
      }
    };
    return;
  }
  const r = await fetch("/api/state").catch(() => null);
  if (r && r.status === 401) return lockedOut();
  if (r && r.ok) {
    show("car-view");
    render((await r.json()).state);
  }
  connect();
}

function wire() {
  $("lang-toggle").onclick = () => { lang = lang === "zh" ? "en" : "zh"; localStorage.setItem("lang", lang); applyLook(); };
  $("theme-toggle").onclick = () => { theme = theme === "dark" ? "light" : "dark"; localStorage.setItem("theme", theme); applyLook(); };
  for (const b of document.querySelectorAll("[data-step-limit]")) {
    b.onclick = () => {
      const now = (state && state.charging && state.charging.limit) || 80;
      command({ action: "charge_limit", percent: Math.max(50, Math.min(100, now + Number(b.dataset.stepLimit))) });
    };
  }
  for (const b of document.querySelectorAll("[data-step-temp]")) {
    b.onclick = () => {
      targetTouched = true;
      targetTemp = Math.max(16, Math.min(32, targetTemp + Number(b.dataset.stepTemp)));
      $("target-temp").textContent = targetTemp.toFixed(0) + "°";
    };
  }
  $("precondition").onclick = () => command({ action: "precondition", temperature: targetTemp });
  $("lock").onclick = () => command({ action: "lock", locked: true });
  $("unlock").onclick = () => command({ action: "lock", locked: false });
  $("flash").onclick = () => command({ action: "flash" });
  $("charge-toggle").onclick = () => command({ action: "charging", on: !(state && state.charging && state.charging.active) });
  for (const box of document.querySelectorAll(".levels")) {
    for (let level = 0; level <= 3; level++) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = level === 0 ? "0" : "●".repeat(level);
      b.setAttribute("aria-label", `${box.dataset.seat} ${level}`);
      b.onclick = () => command({ action: "seat_heating", seat: box.dataset.seat, level });
      box.appendChild(b);
    }
  }
}

wire();
applyLook();
start();
