/**
 * Generates the example site's media files under content/releases/:
 * press photos (JPEG, drawn as SVG scenes and rendered with sharp) and one
 * small hand-written PDF (the Lageplan).
 *
 * Everything is deterministic: each picture has its own seed, there is no
 * Math.random() and no timestamp in the output. Re-running the script
 * rewrites the same files.
 *
 *   node --import tsx scripts/make-example-media.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RELEASES = path.join(ROOT, 'content', 'releases');

// ---------------------------------------------------------------------------
// Small deterministic helpers

type Rng = () => number;

/** mulberry32: tiny seeded PRNG, good enough for scenery. */
function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const r1 = (n: number): string => n.toFixed(1);

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------
// Scene building blocks (each returns an SVG fragment)

interface Canvas {
  w: number;
  h: number;
}

function skyGradient(id: string, stops: readonly string[]): string {
  const s = stops
    .map((c, i) => `<stop offset="${((i / (stops.length - 1)) * 100).toFixed(0)}%" stop-color="${c}"/>`)
    .join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${s}</linearGradient>`;
}

function sun(cx: number, cy: number, r: number, color: string): string {
  return (
    `<radialGradient id="sunglow"><stop offset="0%" stop-color="${color}" stop-opacity="0.9"/>` +
    `<stop offset="100%" stop-color="${color}" stop-opacity="0"/></radialGradient>` +
    `<circle cx="${cx}" cy="${cy}" r="${r * 4}" fill="url(#sunglow)"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/>`
  );
}

function clouds(rng: Rng, c: Canvas, n: number, yMax: number, opacity = 0.8): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = between(rng, -100, c.w);
    const y = between(rng, 40, yMax);
    const s = between(rng, 0.6, 1.5);
    out += `<g fill="#ffffff" opacity="${(opacity * between(rng, 0.6, 1)).toFixed(2)}" transform="translate(${r1(x)} ${r1(y)}) scale(${s.toFixed(2)})">`;
    out += '<ellipse cx="0" cy="0" rx="90" ry="28"/><ellipse cx="50" cy="-18" rx="60" ry="34"/>';
    out += '<ellipse cx="-40" cy="-10" rx="50" ry="24"/><ellipse cx="110" cy="4" rx="55" ry="20"/></g>';
  }
  return out;
}

function hills(rng: Rng, c: Canvas, baseY: number, amp: number, color: string): string {
  let d = `M0 ${c.h} L0 ${r1(baseY)}`;
  const steps = 6;
  for (let i = 1; i <= steps; i++) {
    const x = (c.w / steps) * i;
    const cx = x - c.w / steps / 2;
    d += ` Q${r1(cx)} ${r1(baseY - between(rng, 0, amp))} ${r1(x)} ${r1(baseY + between(rng, -amp / 3, amp / 3))}`;
  }
  d += ` L${c.w} ${c.h} Z`;
  return `<path d="${d}" fill="${color}"/>`;
}

function windows(rng: Rng, x: number, y: number, w: number, h: number, lit: string, dark: string, litShare: number): string {
  let out = '';
  const cols = Math.max(1, Math.floor((w - 12) / 26));
  const rows = Math.max(1, Math.floor((h - 20) / 36));
  const gapX = (w - cols * 14) / (cols + 1);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const wx = x + gapX + k * (14 + gapX);
      const wy = y + 16 + r * 36;
      out += `<rect x="${r1(wx)}" y="${r1(wy)}" width="14" height="20" fill="${rng() < litShare ? lit : dark}"/>`;
    }
  }
  return out;
}

interface RowStyle {
  walls: readonly string[];
  roofs: readonly string[];
  lit: string;
  dark: string;
  litShare: number;
}

function buildingRow(rng: Rng, x0: number, x1: number, baseY: number, hMin: number, hMax: number, st: RowStyle): string {
  let out = '';
  let x = x0;
  while (x < x1) {
    const w = between(rng, 70, 150);
    const h = between(rng, hMin, hMax);
    const wall = pick(rng, st.walls);
    out += `<rect x="${r1(x)}" y="${r1(baseY - h)}" width="${r1(w)}" height="${r1(h)}" fill="${wall}"/>`;
    if (rng() < 0.55) {
      const roof = pick(rng, st.roofs);
      out += `<path d="M${r1(x - 4)} ${r1(baseY - h)} L${r1(x + w / 2)} ${r1(baseY - h - w * 0.45)} L${r1(x + w + 4)} ${r1(baseY - h)} Z" fill="${roof}"/>`;
    } else {
      out += `<rect x="${r1(x - 3)}" y="${r1(baseY - h - 8)}" width="${r1(w + 6)}" height="8" fill="${pick(rng, st.roofs)}"/>`;
    }
    out += windows(rng, x, baseY - h, w, h - 10, st.lit, st.dark, st.litShare);
    x += w + between(rng, 0, 8);
  }
  return out;
}

function tree(x: number, baseY: number, s: number, leaf: string, leafLight: string): string {
  return (
    `<g transform="translate(${r1(x)} ${r1(baseY)}) scale(${s.toFixed(2)})">` +
    '<rect x="-7" y="-70" width="14" height="70" fill="#6b4a2b"/>' +
    `<circle cx="0" cy="-110" r="50" fill="${leaf}"/><circle cx="-34" cy="-84" r="34" fill="${leaf}"/>` +
    `<circle cx="34" cy="-86" r="36" fill="${leaf}"/><circle cx="-12" cy="-128" r="28" fill="${leafLight}"/>` +
    `<circle cx="20" cy="-112" r="22" fill="${leafLight}" opacity="0.8"/></g>`
  );
}

function conifer(x: number, baseY: number, s: number, color: string): string {
  return (
    `<g transform="translate(${r1(x)} ${r1(baseY)}) scale(${s.toFixed(2)})">` +
    '<rect x="-5" y="-30" width="10" height="30" fill="#5a3d22"/>' +
    `<path d="M-48 -30 L0 -120 L48 -30 Z" fill="${color}"/><path d="M-38 -75 L0 -160 L38 -75 Z" fill="${color}"/></g>`
  );
}

function person(x: number, baseY: number, s: number, coat: string): string {
  return (
    `<g transform="translate(${r1(x)} ${r1(baseY)}) scale(${s.toFixed(2)})">` +
    `<rect x="-9" y="-40" width="7" height="40" rx="3" fill="#2d3340"/><rect x="2" y="-40" width="7" height="40" rx="3" fill="#2d3340"/>` +
    `<rect x="-14" y="-88" width="28" height="52" rx="10" fill="${coat}"/>` +
    '<circle cx="0" cy="-100" r="12" fill="#e8c4a0"/></g>'
  );
}

function crowd(rng: Rng, x0: number, x1: number, baseY: number, n: number, s: number): string {
  const coats = ['#c0392b', '#2e86c1', '#27ae60', '#f1c40f', '#8e44ad', '#34495e', '#e67e22', '#16a085', '#d35400'];
  let out = '';
  for (let i = 0; i < n; i++) {
    out += person(between(rng, x0, x1), baseY + between(rng, -6, 30), s * between(rng, 0.85, 1.1), pick(rng, coats));
  }
  return out;
}

function crane(x: number, baseY: number, h: number, arm: number, color: string): string {
  let lattice = '';
  for (let y = baseY - 20; y > baseY - h; y -= 30) {
    lattice += `<path d="M${x - 12} ${y} L${x + 12} ${y - 30} M${x + 12} ${y} L${x - 12} ${y - 30}" stroke="${color}" stroke-width="3"/>`;
  }
  const top = baseY - h;
  return (
    `<g><rect x="${x - 14}" y="${top}" width="4" height="${h}" fill="${color}"/><rect x="${x + 10}" y="${top}" width="4" height="${h}" fill="${color}"/>` +
    lattice +
    `<rect x="${x - arm * 0.3}" y="${top - 14}" width="${arm}" height="14" fill="${color}"/>` +
    `<path d="M${x} ${top - 60} L${x - arm * 0.3} ${top - 14} M${x} ${top - 60} L${x + arm * 0.7} ${top - 14}" stroke="${color}" stroke-width="3"/>` +
    `<rect x="${x - arm * 0.3}" y="${top - 4}" width="60" height="40" fill="#555"/>` +
    `<line x1="${x + arm * 0.55}" y1="${top}" x2="${x + arm * 0.55}" y2="${top + h * 0.45}" stroke="#333" stroke-width="2"/>` +
    `<rect x="${x + arm * 0.55 - 30}" y="${top + h * 0.45}" width="60" height="16" fill="#8d6e63"/></g>`
  );
}

function excavator(x: number, baseY: number, s: number): string {
  return (
    `<g transform="translate(${x} ${baseY}) scale(${s})">` +
    '<rect x="-90" y="-40" width="180" height="40" rx="20" fill="#333"/>' +
    '<circle cx="-65" cy="-20" r="14" fill="#666"/><circle cx="65" cy="-20" r="14" fill="#666"/><circle cx="0" cy="-20" r="12" fill="#666"/>' +
    '<rect x="-70" y="-110" width="130" height="70" rx="6" fill="#f2b705"/>' +
    '<rect x="-60" y="-150" width="60" height="50" rx="4" fill="#f2b705"/><rect x="-52" y="-142" width="44" height="30" fill="#9fd3f0"/>' +
    '<path d="M50 -95 L170 -190 L190 -175 L80 -80 Z" fill="#e0a800"/>' +
    '<path d="M170 -190 L240 -100 L222 -90 L160 -170 Z" fill="#e0a800"/>' +
    '<path d="M215 -105 L265 -95 L250 -55 L205 -70 Z" fill="#444"/></g>'
  );
}

function fireTruck(x: number, baseY: number, s: number): string {
  return (
    `<g transform="translate(${x} ${baseY}) scale(${s})">` +
    '<rect x="0" y="-130" width="300" height="100" rx="8" fill="#c62828"/>' +
    '<rect x="300" y="-120" width="90" height="90" rx="10" fill="#d32f2f"/>' +
    '<rect x="320" y="-110" width="55" height="40" rx="4" fill="#b3e5fc"/>' +
    '<rect x="10" y="-150" width="280" height="12" fill="#bdbdbd"/>' +
    '<rect x="20" y="-100" width="260" height="10" fill="#ffffff"/>' +
    '<rect x="330" y="-128" width="30" height="8" fill="#1e88e5"/>' +
    '<circle cx="70" cy="-30" r="30" fill="#222"/><circle cx="70" cy="-30" r="12" fill="#999"/>' +
    '<circle cx="330" cy="-30" r="30" fill="#222"/><circle cx="330" cy="-30" r="12" fill="#999"/></g>'
  );
}

function fireworks(rng: Rng, cx: number, cy: number, r: number, color: string): string {
  let out = `<g stroke="${color}" stroke-width="3" stroke-linecap="round">`;
  const n = 28;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2 + between(rng, -0.05, 0.05);
    const inner = r * 0.25;
    const outer = r * between(rng, 0.8, 1.05);
    out += `<line x1="${r1(cx + Math.cos(a) * inner)}" y1="${r1(cy + Math.sin(a) * inner)}" x2="${r1(cx + Math.cos(a) * outer)}" y2="${r1(cy + Math.sin(a) * outer)}"/>`;
    out += `<circle cx="${r1(cx + Math.cos(a) * outer * 1.08)}" cy="${r1(cy + Math.sin(a) * outer * 1.08)}" r="3" fill="${color}" stroke="none"/>`;
  }
  return out + '</g>';
}

function stars(rng: Rng, c: Canvas, n: number, yMax: number): string {
  let out = '<g fill="#fffbe6">';
  for (let i = 0; i < n; i++) {
    out += `<circle cx="${r1(between(rng, 0, c.w))}" cy="${r1(between(rng, 0, yMax))}" r="${between(rng, 0.8, 2.4).toFixed(1)}" opacity="${between(rng, 0.4, 1).toFixed(2)}"/>`;
  }
  return out + '</g>';
}

function label(c: Canvas, title: string, sub: string): string {
  const barH = Math.round(c.h * 0.085);
  const fs = Math.round(barH * 0.38);
  return (
    `<rect x="0" y="${c.h - barH}" width="${c.w}" height="${barH}" fill="#10233a" opacity="0.72"/>` +
    `<text x="${Math.round(c.w * 0.025)}" y="${c.h - barH / 2 + fs * 0.36}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${fs}" font-weight="bold" fill="#ffffff">${esc(title)}</text>` +
    `<text x="${Math.round(c.w * 0.975)}" y="${c.h - barH / 2 + fs * 0.3}" text-anchor="end" font-family="DejaVu Sans, Arial, sans-serif" font-size="${Math.round(fs * 0.72)}" fill="#d6e4f0">${esc(sub)}</text>`
  );
}

// ---------------------------------------------------------------------------
// The scenes

interface Photo {
  /** path relative to content/releases */
  file: string;
  w: number;
  h: number;
  seed: number;
  title: string;
  scene: (rng: Rng, c: Canvas) => string;
  /** Written like a camera does: stored sideways with an EXIF orientation, GPS position, camera and copyright tags. */
  camera?: { scale: number; make: string; model: string; copyright: string; latitude: string; longitude: string };
}

const daylightRow: RowStyle = {
  walls: ['#e8d8c3', '#d9c2a6', '#f0e6d8', '#cfb89c', '#e2cdb5', '#bfa58a', '#f3ddc5'],
  roofs: ['#8c3b2e', '#a0462f', '#6e3a2c', '#5b5b66'],
  lit: '#7fa6c4',
  dark: '#5d7990',
  litShare: 0.5,
};

const PHOTOS: Photo[] = [
  {
    file: '2019/2019-04-03-hafenbruecke-wird-saniert/hafenbruecke.jpg',
    w: 1600,
    h: 1067,
    seed: 1904,
    title: 'Hafenbrücke',
    scene: (rng, c) => {
      const waterY = 700;
      let s = `<defs>${skyGradient('sky', ['#5b8fc7', '#a9c9e8', '#f2e4c9'])}${skyGradient('water', ['#4a7ba3', '#1f4663'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += sun(1280, 230, 48, '#fff4c2');
      s += clouds(rng, c, 7, 380);
      s += buildingRow(rng, -20, c.w + 20, waterY, 120, 300, daylightRow);
      s += `<rect x="0" y="${waterY}" width="${c.w}" height="${c.h - waterY}" fill="url(#water)"/>`;
      for (let i = 0; i < 60; i++) {
        const y = between(rng, waterY + 10, c.h);
        s += `<rect x="${r1(between(rng, 0, c.w))}" y="${r1(y)}" width="${r1(between(rng, 30, 160))}" height="2" fill="#cfe3f2" opacity="0.35"/>`;
      }
      // bridge: deck with three arches and scaffolding
      const deckY = 600;
      s += `<rect x="0" y="${deckY}" width="${c.w}" height="34" fill="#7d7d85"/>`;
      s += `<rect x="0" y="${deckY - 14}" width="${c.w}" height="6" fill="#4b4b52"/>`;
      for (let x = 0; x < c.w; x += 24) s += `<rect x="${x}" y="${deckY - 14}" width="3" height="14" fill="#4b4b52"/>`;
      for (const [ax, aw] of [[80, 420], [590, 420], [1100, 420]] as const) {
        s += `<path d="M${ax} ${deckY + 34} L${ax} ${waterY + 70} L${ax + 30} ${waterY + 70} Q${ax + aw / 2} ${deckY + 10} ${ax + aw - 30} ${waterY + 70} L${ax + aw} ${waterY + 70} L${ax + aw} ${deckY + 34} Z" fill="#9a8f84"/>`;
      }
      // scaffolding on the middle arch
      for (let x = 620; x <= 980; x += 40) s += `<rect x="${x}" y="${deckY + 34}" width="4" height="${waterY + 70 - deckY - 34}" fill="#d9822b"/>`;
      for (let y = deckY + 60; y < waterY + 70; y += 40) s += `<rect x="620" y="${y}" width="364" height="4" fill="#d9822b"/>`;
      s += `<rect x="610" y="${deckY + 30}" width="380" height="20" fill="#f5f5f5" opacity="0.85"/>`;
      s += label(c, 'Hafenbrücke Musterstadt', 'Foto: Stadt Musterstadt');
      return s;
    },
  },
  {
    file: '2021/2021-04-22-neues-feuerwehrhaus-nord/fahrzeughalle.jpg',
    w: 1600,
    h: 1067,
    seed: 2104,
    title: 'Fahrzeughalle',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#3f7cc0', '#9cc4ea', '#e3eef7'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += clouds(rng, c, 6, 300);
      s += hills(rng, c, 560, 60, '#7fae6a');
      s += `<rect x="0" y="800" width="${c.w}" height="${c.h - 800}" fill="#9e9e9e"/>`;
      s += `<rect x="0" y="800" width="${c.w}" height="10" fill="#bdbdbd"/>`;
      // station building
      s += '<rect x="180" y="380" width="1240" height="420" fill="#e9e4dc"/>';
      s += '<rect x="160" y="360" width="1280" height="30" fill="#37474f"/>';
      s += '<rect x="1180" y="220" width="180" height="580" fill="#d7d0c5"/><rect x="1165" y="205" width="210" height="25" fill="#37474f"/>';
      s += windows(rng, 1180, 230, 180, 300, '#90caf9', '#64b5f6', 0.6);
      for (let i = 0; i < 4; i++) {
        const x = 230 + i * 230;
        s += `<rect x="${x}" y="500" width="200" height="300" fill="#b71c1c"/>`;
        for (let y = 520; y < 800; y += 28) s += `<rect x="${x}" y="${y}" width="200" height="3" fill="#8e1414"/>`;
      }
      s += '<rect x="460" y="500" width="200" height="300" fill="#2b2b2b"/>';
      s += fireTruck(330, 830, 0.9);
      s += '<text x="800" y="455" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="56" font-weight="bold" fill="#b71c1c">FEUERWACHE NORD</text>';
      s += label(c, 'Feuerwache Nord', 'Foto: Feuerwehr Musterstadt');
      return s;
    },
  },
  {
    file: '2021/2021-04-22-neues-feuerwehrhaus-nord/richtfest.jpg',
    w: 1200,
    h: 800,
    seed: 2105,
    title: 'Richtfest',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#f6b26b', '#fbd9a8', '#fff3df'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += sun(220, 180, 40, '#fff0c0');
      s += clouds(rng, c, 4, 220, 0.6);
      s += `<rect x="0" y="600" width="${c.w}" height="${c.h - 600}" fill="#8d7b68"/>`;
      // shell construction with timber roof frame
      s += '<rect x="300" y="380" width="600" height="220" fill="#c9c2b8"/>';
      for (let x = 330; x < 900; x += 90) s += `<rect x="${x}" y="420" width="50" height="70" fill="#5f5a54"/>`;
      for (let x = 300; x <= 900; x += 40) s += `<path d="M${x} 380 L600 220" stroke="#a0703f" stroke-width="6"/>`;
      s += '<path d="M300 380 L600 220 L900 380" stroke="#7d5530" stroke-width="10" fill="none"/>';
      // Richtkranz
      s += '<line x1="600" y1="220" x2="600" y2="150" stroke="#7d5530" stroke-width="6"/>';
      s += '<circle cx="600" cy="150" r="34" fill="#2e7d32"/><circle cx="600" cy="150" r="18" fill="#fbd9a8"/>';
      for (const [i, col] of ['#d32f2f', '#1976d2', '#fbc02d', '#388e3c'].entries()) {
        s += `<path d="M${590 + i * 7} 180 Q${575 + i * 10} 230 ${585 + i * 12} 270" stroke="${col}" stroke-width="5" fill="none"/>`;
      }
      s += crane(1020, 600, 480, 520, '#f9a825');
      s += crowd(rng, 120, 1080, 700, 22, 0.9);
      s += label(c, 'Richtfest Feuerwache Nord', 'Foto: Stadt Musterstadt / J. Keßler');
      return s;
    },
  },
  {
    file: '2023/2023-03-28-stadtbibliothek-makerspace/makerspace.jpg',
    w: 1600,
    h: 1067,
    seed: 2303,
    title: 'Makerspace',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('wall', ['#f4efe6', '#e6ddcf'])}${skyGradient('floor', ['#c9a77c', '#a8845a'])}</defs>`;
      s += `<rect width="${c.w}" height="720" fill="url(#wall)"/>`;
      s += `<rect y="720" width="${c.w}" height="${c.h - 720}" fill="url(#floor)"/>`;
      for (let x = 0; x < c.w; x += 80) s += `<line x1="${x}" y1="720" x2="${800 + (x - 800) * 1.8}" y2="${c.h}" stroke="#9b7a52" stroke-width="2"/>`;
      // big windows
      for (const wx of [80, 560, 1040]) {
        s += `<rect x="${wx}" y="90" width="420" height="420" fill="#bfe0f5"/>`;
        s += `<rect x="${wx + 30}" y="330" width="360" height="180" fill="#8cc084" opacity="0.7"/>`;
        s += `<rect x="${wx + 205}" y="90" width="10" height="420" fill="#ffffff"/><rect x="${wx}" y="295" width="420" height="10" fill="#ffffff"/>`;
        s += `<rect x="${wx - 10}" y="80" width="440" height="440" fill="none" stroke="#ffffff" stroke-width="20"/>`;
      }
      // bookshelf at the side
      for (let y = 560; y < 720; y += 40) {
        let x = 20;
        while (x < 300) {
          const bw = between(rng, 10, 22);
          s += `<rect x="${r1(x)}" y="${y - between(rng, 26, 36)}" width="${r1(bw)}" height="40" fill="${pick(rng, ['#c0392b', '#2980b9', '#16a085', '#f39c12', '#8e44ad', '#2c3e50'])}"/>`;
          x += bw + 2;
        }
        s += `<rect x="10" y="${y}" width="300" height="6" fill="#6d4c41"/>`;
      }
      // work tables with 3D printers
      for (const tx of [380, 980]) {
        s += `<rect x="${tx}" y="700" width="480" height="24" fill="#795548"/><rect x="${tx + 20}" y="724" width="16" height="150" fill="#5d4037"/><rect x="${tx + 444}" y="724" width="16" height="150" fill="#5d4037"/>`;
        for (const px of [tx + 40, tx + 260]) {
          s += `<rect x="${px}" y="540" width="170" height="160" fill="#37474f"/><rect x="${px + 14}" y="556" width="142" height="120" fill="#eceff1"/>`;
          s += `<rect x="${px + 60}" y="630" width="50" height="46" fill="${pick(rng, ['#ff7043', '#42a5f5', '#66bb6a', '#ab47bc'])}"/>`;
          s += `<rect x="${px + 14}" y="600" width="142" height="6" fill="#90a4ae"/>`;
        }
      }
      // hanging lamps
      for (const lx of [300, 800, 1300]) {
        s += `<line x1="${lx}" y1="0" x2="${lx}" y2="120" stroke="#333" stroke-width="3"/><path d="M${lx - 50} 160 L${lx - 20} 120 L${lx + 20} 120 L${lx + 50} 160 Z" fill="#263238"/>`;
      }
      s += crowd(rng, 420, 1380, 910, 5, 2.3);
      s += label(c, 'Makerspace der Stadtbibliothek', 'Foto: Stadtbibliothek Musterstadt');
      return s;
    },
  },
  {
    file: '2024/2024-03-20-baumpflanzaktion-stadtpark/stadtpark.jpg',
    w: 1600,
    h: 1067,
    seed: 2403,
    title: 'Stadtpark',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#6fa8dc', '#b8d8f0', '#eaf4e4'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += sun(300, 170, 44, '#fffbe0');
      s += clouds(rng, c, 6, 320);
      s += hills(rng, c, 520, 80, '#9cc98a');
      s += hills(rng, c, 640, 60, '#7cb46a');
      s += `<rect x="0" y="720" width="${c.w}" height="${c.h - 720}" fill="#6aa55a"/>`;
      s += `<path d="M650 ${c.h} Q760 820 980 720 L1040 720 Q860 840 900 ${c.h} Z" fill="#d9c7a3"/>`;
      for (let i = 0; i < 9; i++) s += tree(between(rng, 40, 1560), between(rng, 600, 660), between(rng, 0.7, 1.1), '#3f7d3a', '#5c9e4f');
      for (let i = 0; i < 6; i++) s += tree(between(rng, 60, 1540), between(rng, 760, 830), between(rng, 1.1, 1.5), '#2f6b2c', '#4f8f44');
      // young trees with support posts
      for (const x of [420, 1180, 1380]) {
        s += `<rect x="${x - 30}" y="720" width="6" height="170" fill="#b08a5a"/><rect x="${x + 24}" y="720" width="6" height="170" fill="#b08a5a"/>`;
        s += `<rect x="${x - 4}" y="760" width="8" height="130" fill="#6b4a2b"/><circle cx="${x}" cy="740" r="46" fill="#78b35e"/>`;
        s += `<ellipse cx="${x}" cy="892" rx="70" ry="14" fill="#5a3d22"/>`;
      }
      s += crowd(rng, 300, 1500, 940, 12, 1.2);
      s += label(c, 'Pflanzaktion im Stadtpark', 'Foto: Amt für Umwelt- und Klimaschutz');
      return s;
    },
  },
  {
    file: '2024/tag-der-offenen-tuer-rathaus.jpg',
    w: 1600,
    h: 1067,
    seed: 2405,
    title: 'Rathaus',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#4a90d9', '#a7cdf0', '#f4f0e6'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += clouds(rng, c, 5, 260);
      s += `<rect x="0" y="780" width="${c.w}" height="${c.h - 780}" fill="#b8aa98"/>`;
      for (let x = 0; x < c.w; x += 60) s += `<line x1="${x}" y1="780" x2="${x - 120}" y2="${c.h}" stroke="#a39584" stroke-width="2"/>`;
      // town hall: gabled facade with clock tower
      s += '<rect x="760" y="120" width="120" height="300" fill="#b5835a"/><path d="M740 120 L820 20 L900 120 Z" fill="#3f5e4a"/>';
      s += '<circle cx="820" cy="200" r="42" fill="#fdf6e3" stroke="#5d4037" stroke-width="6"/><line x1="820" y1="200" x2="820" y2="170" stroke="#333" stroke-width="5"/><line x1="820" y1="200" x2="842" y2="212" stroke="#333" stroke-width="4"/>';
      s += '<rect x="420" y="360" width="800" height="420" fill="#c8956b"/>';
      for (let i = 0; i < 5; i++) {
        const gx = 420 + i * 160;
        s += `<path d="M${gx} 360 L${gx + 30} 300 L${gx + 50} 300 L${gx + 80} 250 L${gx + 110} 300 L${gx + 130} 300 L${gx + 160} 360 Z" fill="#b07a52"/>`;
      }
      for (let i = 0; i < 8; i++) {
        const wx = 460 + i * 96;
        s += `<path d="M${wx} 480 L${wx} 420 Q${wx + 25} 395 ${wx + 50} 420 L${wx + 50} 480 Z" fill="#4e6f8a"/>`;
        s += `<rect x="${wx}" y="560" width="50" height="80" fill="#4e6f8a"/>`;
      }
      s += '<path d="M760 780 L760 690 Q820 640 880 690 L880 780 Z" fill="#5d4037"/>';
      // flags and balloons
      for (const [fx, col] of [[380, '#d32f2f'], [1260, '#1565c0']] as const) {
        s += `<rect x="${fx}" y="420" width="6" height="360" fill="#9e9e9e"/><path d="M${fx + 6} 430 L${fx + 110} 450 L${fx + 6} 490 Z" fill="${col}"/>`;
      }
      for (let i = 0; i < 14; i++) {
        const bx = between(rng, 200, 1400);
        const by = between(rng, 520, 700);
        const col = pick(rng, ['#e53935', '#fdd835', '#43a047', '#1e88e5', '#fb8c00']);
        s += `<line x1="${r1(bx)}" y1="${r1(by + 30)}" x2="${r1(bx + between(rng, -20, 20))}" y2="${r1(by + 110)}" stroke="#555" stroke-width="1.5"/><ellipse cx="${r1(bx)}" cy="${r1(by)}" rx="22" ry="28" fill="${col}"/>`;
      }
      s += crowd(rng, 80, 1520, 860, 34, 1.1);
      s += label(c, 'Tag der offenen Tür im Rathaus', 'Foto: Stadt Musterstadt');
      return s;
    },
  },
  {
    file: '2025/2025-03-14-radwege-am-ring/baustelle-ring.jpg',
    w: 1600,
    h: 1067,
    seed: 2503,
    title: 'Baustelle Ring',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#7a9cc6', '#c5d6e8', '#eef0f0'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += clouds(rng, c, 8, 360, 0.9);
      s += buildingRow(rng, -20, c.w + 20, 560, 140, 320, daylightRow);
      for (let i = 0; i < 7; i++) s += tree(80 + i * 240 + between(rng, -30, 30), 600, 0.9, '#4d7f3f', '#6a9e58');
      // road, bike lane and construction pit
      s += `<rect x="0" y="600" width="${c.w}" height="${c.h - 600}" fill="#5f6368"/>`;
      s += `<rect x="0" y="600" width="${c.w}" height="120" fill="#b04a3c"/>`;
      s += '<path d="M0 740 L1600 740" stroke="#ffffff" stroke-width="8" stroke-dasharray="60 40"/>';
      s += '<path d="M0 920 L1600 920" stroke="#f5f5f5" stroke-width="6" stroke-dasharray="80 60"/>';
      s += '<rect x="520" y="600" width="700" height="120" fill="#8d6e4a"/>';
      for (let x = 500; x <= 1240; x += 62) {
        s += `<rect x="${x}" y="640" width="12" height="110" fill="#ffffff"/><rect x="${x}" y="650" width="12" height="14" fill="#e53935"/><rect x="${x}" y="690" width="12" height="14" fill="#e53935"/>`;
      }
      s += '<rect x="500" y="660" width="752" height="14" fill="#ffffff"/><rect x="500" y="660" width="752" height="14" fill="#e53935" opacity="0.6"/>';
      s += excavator(820, 700, 1.1);
      // sign
      s += '<rect x="300" y="760" width="8" height="160" fill="#777"/><path d="M230 780 L378 780 L304 660 Z" fill="#ffffff" stroke="#d32f2f" stroke-width="12"/><rect x="296" y="712" width="16" height="40" fill="#222"/>';
      s += label(c, 'Radweg am Ring', 'Foto: Tiefbauamt Musterstadt');
      return s;
    },
  },
  {
    file: '2025/2025-11-20-neues-stadtmuseum-entwurf/modell.jpg',
    w: 1200,
    h: 800,
    seed: 2511,
    title: 'Modell',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('bg', ['#2b2f36', '#4a505a'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#bg)"/>`;
      s += '<path d="M100 560 L600 420 L1100 560 L600 720 Z" fill="#e8e1d4"/>';
      s += '<path d="M100 560 L600 720 L600 740 L100 580 Z" fill="#bdb4a4"/><path d="M1100 560 L600 720 L600 740 L1100 580 Z" fill="#a89f90"/>';
      s += '<path d="M380 520 L600 460 L820 520 L600 600 Z" fill="#f5f5f5"/><path d="M380 520 L600 600 L600 480 L380 400 Z" fill="#dcdcdc"/><path d="M820 520 L600 600 L600 480 L820 400 Z" fill="#c4c4c4"/>';
      s += '<path d="M380 400 L600 340 L820 400 L600 480 Z" fill="#fafafa"/>';
      for (let i = 0; i < 12; i++) s += `<circle cx="${r1(between(rng, 180, 1020))}" cy="${r1(between(rng, 540, 640))}" r="${r1(between(rng, 10, 18))}" fill="#7fae6a"/>`;
      s += label(c, 'Entwurf (DRAFTSECRET)', 'Foto: Kulturamt');
      return s;
    },
  },
  {
    file: '2026/2026-01-01-neujahrsgruss/neujahr.jpg',
    w: 1600,
    h: 1067,
    seed: 2601,
    title: 'Neujahr',
    scene: (rng, c) => {
      const night: RowStyle = {
        walls: ['#1d2438', '#232b42', '#2a3350', '#1a2133'],
        roofs: ['#121829', '#161d30'],
        lit: '#ffd479',
        dark: '#2f3a57',
        litShare: 0.45,
      };
      let s = `<defs>${skyGradient('sky', ['#050a1f', '#121c45', '#2b2f63'])}${skyGradient('water', ['#121c45', '#050a1f'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += stars(rng, c, 160, 500);
      for (const [x, y, r, col] of [[300, 260, 150, '#ff6b6b'], [820, 180, 190, '#ffd93d'], [1300, 300, 140, '#6bcbff'], [1050, 380, 90, '#c77dff'], [560, 400, 100, '#7dff9c']] as const) {
        s += fireworks(rng, x, y, r, col);
      }
      s += buildingRow(rng, -20, c.w + 20, 760, 150, 340, night);
      s += '<rect x="740" y="380" width="110" height="380" fill="#1a2133"/><path d="M720 380 L795 270 L870 380 Z" fill="#121829"/><circle cx="795" cy="440" r="36" fill="#ffe9a8"/>';
      s += `<rect x="0" y="760" width="${c.w}" height="${c.h - 760}" fill="url(#water)"/>`;
      for (let i = 0; i < 80; i++) {
        s += `<rect x="${r1(between(rng, 0, c.w))}" y="${r1(between(rng, 770, c.h))}" width="${r1(between(rng, 20, 90))}" height="2" fill="${pick(rng, ['#ffd93d', '#ff6b6b', '#6bcbff', '#ffd479'])}" opacity="0.4"/>`;
      }
      s += label(c, 'Frohes neues Jahr 2026', 'Foto: Stadt Musterstadt');
      return s;
    },
  },
  {
    file: '2026/2026-02-18-hallenbad-baubeginn/baustelle.jpg',
    w: 1600,
    h: 1067,
    seed: 2602,
    title: 'Baustelle Hallenbad',
    // A phone photo as a press officer uploads it: 2400 × 1600, sideways with orientation 6, and a GPS position
    // that must not reach the web versions.
    camera: {
      scale: 1.5,
      make: 'Musterphone',
      model: 'MP 12 Pro',
      copyright: 'Stadt Musterstadt',
      latitude: '51/1 57/1 3012/100',
      longitude: '7/1 37/1 4105/100',
    },
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#8fa9c4', '#cfdbe6', '#f0ede6'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += clouds(rng, c, 9, 380, 0.85);
      for (let i = 0; i < 12; i++) s += conifer(between(rng, 0, c.w), 600, between(rng, 0.8, 1.3), '#3d5e3a');
      s += `<rect x="0" y="600" width="${c.w}" height="${c.h - 600}" fill="#9c8060"/>`;
      s += '<path d="M260 640 L1340 640 L1240 860 L360 860 Z" fill="#6d5640"/>';
      s += '<rect x="420" y="700" width="760" height="150" fill="#b0aca5"/>';
      for (let x = 440; x < 1180; x += 50) s += `<rect x="${x}" y="620" width="6" height="90" fill="#7a7a7a"/>`;
      s += crane(1240, 860, 640, 700, '#e6a100');
      s += excavator(330, 850, 0.8);
      // site fence with banner
      for (let x = 0; x < c.w; x += 90) s += `<rect x="${x}" y="870" width="6" height="106" fill="#888"/>`;
      s += `<rect x="0" y="880" width="${c.w}" height="4" fill="#888"/><rect x="0" y="955" width="${c.w}" height="4" fill="#888"/>`;
      s += '<rect x="560" y="884" width="480" height="70" fill="#0d47a1"/><text x="800" y="930" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="34" font-weight="bold" fill="#ffffff">HIER BAUT MUSTERSTADT</text>';
      s += label(c, 'Baustelle Hallenbad Osterfeld', 'Foto: Stadt Musterstadt');
      return s;
    },
  },
  {
    file: '2026/2026-02-18-hallenbad-baubeginn/visualisierung.jpg',
    w: 1600,
    h: 1067,
    seed: 2603,
    title: 'Visualisierung',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#3d8bd4', '#9fd0f5', '#e9f6ff'])}${skyGradient('glass', ['#9bd7f2', '#4a9cc9'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += sun(1350, 160, 50, '#fffbe6');
      s += clouds(rng, c, 4, 260, 0.7);
      s += `<rect x="0" y="700" width="${c.w}" height="${c.h - 700}" fill="#88c070"/>`;
      s += '<path d="M200 700 L200 420 Q800 300 1400 420 L1400 700 Z" fill="#f4f1ea"/>';
      s += '<path d="M260 690 L260 470 Q800 370 1340 470 L1340 690 Z" fill="url(#glass)"/>';
      for (let x = 320; x < 1340; x += 80) s += `<line x1="${x}" y1="${470 - 100 * Math.sin(((x - 260) / 1080) * Math.PI)}" x2="${x}" y2="690" stroke="#ffffff" stroke-width="4" opacity="0.8"/>`;
      s += '<rect x="180" y="690" width="1240" height="24" fill="#d7d2c8"/>';
      s += '<rect x="700" y="600" width="200" height="90" fill="#37474f"/>';
      s += '<path d="M0 860 Q800 780 1600 860 L1600 900 Q800 820 0 900 Z" fill="#e0d6c2"/>';
      for (let i = 0; i < 10; i++) s += tree(between(rng, 0, c.w), between(rng, 760, 1000), between(rng, 0.8, 1.3), '#3f7d3a', '#5c9e4f');
      s += crowd(rng, 300, 1300, 900, 10, 1.0);
      s += label(c, 'Visualisierung Hallenbad Osterfeld', 'Grafik: Architekturbüro Lenz + Partner');
      return s;
    },
  },
  {
    file: '2031/2031-06-01-stadtjubilaeum-festakt/festplatz.jpg',
    w: 1200,
    h: 800,
    seed: 3106,
    title: 'Festplatz',
    scene: (rng, c) => {
      let s = `<defs>${skyGradient('sky', ['#ffb86b', '#ffd6a5', '#fff1dc'])}</defs>`;
      s += `<rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>`;
      s += sun(900, 200, 46, '#fff4d6');
      s += buildingRow(rng, -20, c.w + 20, 520, 100, 240, daylightRow);
      s += `<rect x="0" y="520" width="${c.w}" height="${c.h - 520}" fill="#c2b280"/>`;
      for (let i = 0; i < 5; i++) {
        const x = 60 + i * 230;
        const col = pick(rng, ['#e53935', '#1e88e5', '#43a047', '#fb8c00']);
        s += `<path d="M${x} 620 L${x + 90} 520 L${x + 180} 620 Z" fill="#ffffff"/><path d="M${x + 20} 600 L${x + 90} 530 L${x + 160} 600 Z" fill="${col}" opacity="0.8"/><rect x="${x + 10}" y="620" width="160" height="60" fill="#ffffff"/>`;
      }
      for (let x = 0; x < c.w; x += 40) s += `<path d="M${x} 480 L${x + 20} 510 L${x + 40} 480 Z" fill="${pick(rng, ['#e53935', '#fdd835', '#1e88e5', '#43a047'])}"/>`;
      s += '<path d="M0 480 Q600 500 1200 480" stroke="#555" stroke-width="2" fill="none"/>';
      s += crowd(rng, 40, 1160, 720, 30, 0.8);
      s += label(c, 'Festplatz (FUTURESECRET)', 'Foto: Stadt Musterstadt');
      return s;
    },
  },
];

// ---------------------------------------------------------------------------
// Rendering

/** Adds a fine, seeded film grain so the flat vector shapes look a little more photographic. */
function addGrain(data: Buffer, seed: number, amount: number): void {
  const rng = makeRng(seed ^ 0x9e3779b9);
  for (let i = 0; i < data.length; i += 3) {
    const g = Math.round((rng() - 0.5) * 2 * amount);
    for (let k = 0; k < 3; k++) {
      const v = (data[i + k] as number) + g;
      data[i + k] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

async function renderPhoto(p: Photo): Promise<{ file: string; bytes: number }> {
  const c: Canvas = { w: p.w, h: p.h };
  const body = p.scene(makeRng(p.seed), c);
  const scale = p.camera?.scale ?? 1;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${c.w * scale}" height="${Math.round(c.h * scale)}" viewBox="0 0 ${c.w} ${c.h}">${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  addGrain(data, p.seed, 4);
  const pixels = sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).blur(0.6);
  const jpeg = p.camera
    ? await sharp(await pixels.rotate(270).raw().toBuffer(), { raw: { width: info.height, height: info.width, channels: 3 } })
        .jpeg({ quality: 88, progressive: false, chromaSubsampling: '4:2:0' })
        .withMetadata({ orientation: 6 })
        .withExifMerge({
          IFD0: { Make: p.camera.make, Model: p.camera.model, Copyright: p.camera.copyright },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: p.camera.latitude, GPSLongitudeRef: 'E', GPSLongitude: p.camera.longitude },
        })
        .toBuffer()
    : await pixels.jpeg({ quality: 70, progressive: false, chromaSubsampling: '4:2:0' }).toBuffer();
  const out = path.join(RELEASES, p.file);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, jpeg);
  return { file: p.file, bytes: jpeg.length };
}

// ---------------------------------------------------------------------------
// A minimal hand-written PDF 1.4 (one A4 page: a heading, a few lines, a sketch map)

function makeLageplanPdf(): Buffer {
  const lines = [
    'Lageplan: Umbau der Radwege am Ring',
    'Bauabschnitt 1 - Hafenstraße bis Mühlentor',
    '',
    'Rot: gesperrter Radweg am Ring',
    'Grün: Umleitung über Hafenstraße und Mühlenweg',
    'Bauzeit: März bis Oktober 2025',
    '',
    'Stadt Musterstadt, Tiefbauamt, Telefon 0251 492-6612',
  ];
  const pdfString = (s: string): string => '(' + s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)') + ')';
  let content = 'BT /F2 20 Tf 56 780 Td ' + pdfString(lines[0] as string) + ' Tj ET\n';
  let y = 750;
  for (const line of lines.slice(1)) {
    if (line) content += `BT /F1 12 Tf 56 ${y} Td ${pdfString(line)} Tj ET\n`;
    y -= 18;
  }
  // sketch map: ring road (grey), closed section (red), detour (green)
  content += '0.6 0.6 0.6 RG 14 w 1 j 150 250 m 445 250 l 445 560 l 150 560 l h S\n';
  content += '0.85 0.1 0.1 RG 6 w 150 560 m 445 560 l S\n';
  content += '0.1 0.6 0.2 RG 4 w [12 6] 0 d 150 560 m 150 610 l 445 610 l 445 560 l S [] 0 d\n';
  content += '0 0 0 rg BT /F1 10 Tf 250 617 Td (Hafenstraße) Tj ET\n';
  content += 'BT /F1 10 Tf 255 540 Td (Ring) Tj ET\n';
  content += 'BT /F1 10 Tf 455 400 Td (Mühlenweg) Tj ET\n';
  content += 'BT /F1 9 Tf 56 60 Td (Schematische Darstellung, nicht maßstäblich.) Tj ET\n';

  const stream = Buffer.from(content, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    null, // content stream, written separately
    '<< /Title (Lageplan Radwege am Ring) /Author (Stadt Musterstadt) /Producer (pressroom make-example-media) >>',
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(length);
    const num = i + 1;
    const part =
      obj === null
        ? Buffer.concat([
            Buffer.from(`${num} 0 obj\n<< /Length ${stream.length} >>\nstream\n`, 'latin1'),
            stream,
            Buffer.from('endstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${num} 0 obj\n${obj}\nendobj\n`, 'latin1');
    chunks.push(part);
    length += part.length;
  });
  const xrefOffset = length;
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  let total = 0;
  for (const p of PHOTOS) {
    const { file, bytes } = await renderPhoto(p);
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${file}`);
  }
  const pdf = makeLageplanPdf();
  const pdfFile = '2025/2025-03-14-radwege-am-ring/lageplan.pdf';
  await mkdir(path.dirname(path.join(RELEASES, pdfFile)), { recursive: true });
  await writeFile(path.join(RELEASES, pdfFile), pdf);
  total += pdf.length;
  console.log(`${(pdf.length / 1024).toFixed(1).padStart(7)} KB  ${pdfFile}`);
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  total`);
}

await main();
