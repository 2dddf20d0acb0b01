var rbSearchFormat = { "version": 4, "maxCompound": 32, "finalDigits": "0123456789ABCDEFGHIJKLMNOPQRSTUV", "moreDigits": "WXYZabcdefghijklmnopqrstuvwxyz._", "syllables": "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo" };
/* rolebook search client: see docs/search.md. No dependencies; safe from file://. */
(function (global) {
  'use strict';
  /* rbSearchFormat (the first line of assets/search.js) comes from search-format.json, which the index builder reads too. */
  var FORMAT = global.rbSearchFormat;
  var VERSION = FORMAT.version, MAX_COMPOUND = FORMAT.maxCompound;
  var PAGE = 10, MAX_PREFIX_SHARDS = 4, DEBOUNCE = 120, SNIPPET = 90;
  var api = global.rbSearch = global.rbSearch || {};
  var shards = {}, positions = {}, frags = {}, loads = {}, decoded = {}, foldMap = null;
  var CJK = 1, WORD = 2, CONNECTOR = 3, SEPARATOR = 0;
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  function meta() { return global.rbSearchMeta; }

  /* ---- Loading: every index file is a script that calls back into rbSearch. ---- */
  api.root = '';
  api.loadScript = function (path) {
    return new Promise(function (resolve) {
      var s = document.createElement('script');
      s.src = api.root + path;
      s.async = true;
      s.onload = function () { resolve(true); };
      s.onerror = function () { resolve(false); };
      document.head.appendChild(s);
    });
  };
  function load(path) {
    if (!loads[path]) loads[path] = api.loadScript(path);
    return loads[path];
  }
  api.shard = function (k, data) { shards[k] = data; };
  api.pos = function (k, data) { positions[k] = data; };
  api.frag = function (d, data) { frags[d] = data; };
  api.fold = function (data) {
    var cs = Array.from(data.pairs), m = {};
    for (var i = 0; i + 1 < cs.length; i += 2) m[cs[i]] = cs[i + 1];
    foldMap = m;
  };

  /* ---- Tokenizer: the same steps as SearchTokenizer.swift. ---- */
  function normalize(s) {
    s = String(s).normalize('NFKC').toLowerCase();
    if (!foldMap) return s;
    var out = '';
    for (var ch of s) out += foldMap[ch] || ch;
    return out;
  }
  function isCJK(v) {
    return (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0xf900 && v <= 0xfaff) ||
      (v >= 0x20000 && v <= 0x3134f) || (v >= 0x3040 && v <= 0x30ff && v !== 0x30fb) || (v >= 0xac00 && v <= 0xd7af);
  }
  function classify(v) {
    if (v < 0x80) {
      if ((v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7a) || (v >= 0x41 && v <= 0x5a)) return WORD;
      if (v === 0x2d || v === 0x5f || v === 0x2e || v === 0x2f || v === 0x3a || v === 0x27 || v === 0x26 || v === 0x2b) return CONNECTOR;
      return SEPARATOR;
    }
    if (v === 0x2019) return CONNECTOR;
    if (isCJK(v)) return CJK;
    if ((v >= 0xc0 && v <= 0x24f && v !== 0xd7 && v !== 0xf7) || (v >= 0x370 && v <= 0x3ff) || (v >= 0x400 && v <= 0x4ff)) return WORD;
    return SEPARATOR;
  }
  /* CJK runs ({cjk: [chars]}) and compounds ({parts: [words]}) of normalized text. */
  function pieces(s) {
    var cps = Array.from(s), out = [], run = [], parts = [], word = '';
    function endWord() { if (word) { parts.push(word); word = ''; } }
    function endCompound() { endWord(); if (parts.length) { out.push({ parts: parts }); parts = []; } }
    function endRun() { if (run.length) { out.push({ cjk: run }); run = []; } }
    for (var i = 0; i < cps.length; i++) {
      var k = classify(cps[i].codePointAt(0));
      if (k === CJK) { endCompound(); run.push(cps[i]); }
      else if (k === WORD) { endRun(); word += cps[i]; }
      else if (k === CONNECTOR) {
        endRun();
        if (word && i + 1 < cps.length && classify(cps[i + 1].codePointAt(0)) === WORD) endWord(); else endCompound();
      } else { endRun(); endCompound(); }
    }
    endRun();
    endCompound();
    return out;
  }
  function length(s) { return Array.from(s).length; }
  /* Pinyin readings of a query word (SearchTokenizer.pinyinForms): cuts into whole syllables,
     longest syllable first, at most MAX_FORMS; only without one, cuts ending in the start of a
     syllable, marked '*'. */
  var SYLLABLES = {}, SYLLABLE_PREFIXES = {}, LONGEST_SYLLABLE = 1, MAX_FORMS = 8, SEP = "'";
  FORMAT.syllables.split(' ').forEach(function (s) {
    SYLLABLES[s] = true;
    LONGEST_SYLLABLE = Math.max(LONGEST_SYLLABLE, s.length);
    for (var n = 1; n < s.length; n++) SYLLABLE_PREFIXES[s.slice(0, n)] = true;
  });
  Object.keys(SYLLABLES).forEach(function (s) { delete SYLLABLE_PREFIXES[s]; });
  function pinyinForms(w) {
    var n = w.length;
    if (n < 2 || n > MAX_COMPOUND || !/^[a-z]+$/.test(w)) return [];
    function cuts(partial) {
      var ok = [], i, len;
      ok[n] = !partial;
      for (i = n - 1; i >= 0; i--) {
        ok[i] = false;
        if (partial && SYLLABLE_PREFIXES[w.slice(i)]) { ok[i] = true; continue; }
        for (len = 1; len <= Math.min(LONGEST_SYLLABLE, n - i); len++) {
          if (ok[i + len] && SYLLABLES[w.slice(i, i + len)]) { ok[i] = true; break; }
        }
      }
      if (!ok[0]) return [];
      var out = [], stack = [[0, '']];
      while (out.length < MAX_FORMS && stack.length) {
        var top = stack.pop(), at = top[0], form = top[1], next = [];
        if (at === n) { out.push(form); continue; }
        var pre = form ? form + SEP : '';
        if (partial && SYLLABLE_PREFIXES[w.slice(at)]) next.push([n, pre + w.slice(at) + '*']);
        for (len = 1; len <= Math.min(LONGEST_SYLLABLE, n - at); len++) {
          if (ok[at + len] && SYLLABLES[w.slice(at, at + len)]) next.push([at + len, pre + w.slice(at, at + len)]);
        }
        for (var k = 0; k < next.length; k++) stack.push(next[k]);
      }
      return out;
    }
    var whole = cuts(false);
    return whole.length ? whole : cuts(true);
  }
  /* 1 for an exact match, 0.8 for a prefix (word prefix or pinyin reading), null for none. */
  function scoreToken(term, token) {
    if (token === term.t) return 1;
    var best = term.p && token.lastIndexOf(term.t, 0) === 0 ? 0.8 : null;
    for (var i = 0; i < term.y.length; i++) {
      var f = term.y[i];
      if (f.charAt(f.length - 1) === '*') { if (token.lastIndexOf(f.slice(0, -1), 0) === 0) best = 0.8; }
      else if (token === f) return 1;
      else if (token.lastIndexOf(f + SEP, 0) === 0) best = 0.8;
    }
    return best;
  }
  /* AND-ed terms {t, p}: a CJK run of 1 or 2 characters as itself, a longer one as the trigrams
     of its cover (exact), or with `loose` (suggestions) as all its bigrams; compounds joined
     (prefix when >= 2 chars). */
  function terms(q, loose) {
    var out = [], seen = {};
    function add(t, prefix, forms) {
      prefix = prefix && length(t) >= 2;
      forms = forms || [];
      var key = (prefix ? '*' : '=') + t + '|' + forms.join('|');
      if (!seen[key]) { seen[key] = true; out.push({ t: t, p: prefix, y: forms }); }
    }
    pieces(normalize(q)).forEach(function (pc) {
      if (pc.cjk) {
        if (pc.cjk.length <= 2) add(pc.cjk.join(''), false);
        else if (loose) for (var i = 0; i + 1 < pc.cjk.length; i++) add(pc.cjk[i] + pc.cjk[i + 1], false);
        else cover(pc.cjk).forEach(function (t) { if (t) add(t, false); });
      } else if (pc.parts.length === 1) add(pc.parts[0], true, pinyinForms(pc.parts[0]));
      else {
        var joined = pc.parts.join('');
        if (length(joined) <= MAX_COMPOUND) add(joined, true);
        else pc.parts.forEach(function (p) { add(p, true); });
      }
    });
    quotedPairs(q).forEach(function (pair) { add(pair, false); });
    return out;
  }
  /* Quotation marks that make a phrase of the words between them (SearchTokenizer.quotes). */
  var QUOTES = { '"': '"', '\u201c': '\u201d', '\u300c': '\u300d', '\u300e': '\u300f' };
  /* The quoted parts of a query, in order (an unclosed quote runs to the end). */
  function quoted(s) {
    var out = [], i = 0;
    while (i < s.length) {
      var close = QUOTES[s.charAt(i)];
      if (close === undefined) { i++; continue; }
      var end = s.indexOf(close, i + 1);
      if (end < 0) end = s.length;
      out.push(s.slice(i + 1, end));
      i = end + 1;
    }
    return out;
  }
  function isSpace(v) { return v === 0x20 || (v >= 0x09 && v <= 0x0d) || v === 0xa0; }
  /* The word pairs ("sales manager") of a query's quoted phrases: words that must follow each
     other with only white space between, which the index holds as tokens (SearchTokenizer.quotedPairs). */
  function quotedPairs(q) {
    var out = [];
    quoted(normalize(q)).forEach(function (ph) {
      var cps = Array.from(ph), last = null, word = '', parts = [];
      function endWord() { if (word) { parts.push(word); word = ''; } }
      function endCompound() {
        endWord();
        if (!parts.length) return;
        if (last !== null && length(last) + length(parts[0]) + 1 <= MAX_COMPOUND) out.push(last + ' ' + parts[0]);
        last = parts[parts.length - 1];
        parts = [];
      }
      for (var i = 0; i < cps.length; i++) {
        var v = cps[i].codePointAt(0), k = classify(v);
        if (k === CJK) { endCompound(); last = null; }
        else if (k === WORD) word += cps[i];
        else if (k === CONNECTOR && word && i + 1 < cps.length && classify(cps[i + 1].codePointAt(0)) === WORD) endWord();
        else { endCompound(); if (!isSpace(v)) last = null; }
      }
      endCompound();
    });
    return out;
  }
  /* The trigrams a run of >= 3 characters needs, by offset (SearchTokenizer.phraseCover): offsets
     0, 3, 6, … and the last; '' between, since trigrams at p, p + 3, …, p + n - 3 already spell
     the run contiguously. */
  function cover(cs) {
    var out = [];
    for (var i = 0; i + 2 < cs.length; i++) out.push(i % 3 === 0 || i === cs.length - 3 ? cs[i] + cs[i + 1] + cs[i + 2] : '');
    return out;
  }
  /* Phrases: each CJK run of >= 4 characters as its cover (repeats kept); a document matches
     when the trigrams occur at their offsets from one position, i.e. it holds the run contiguously. */
  function phrases(q) {
    var out = [];
    pieces(normalize(q)).forEach(function (pc) { if (pc.cjk && pc.cjk.length >= 4) out.push(cover(pc.cjk)); });
    return out;
  }
  /* What to <mark> in titles and snippets: CJK runs (a query's run is a phrase), and words (at a word start). */
  function needles(q) {
    var out = [], seen = {};
    function add(t, word) { if (!seen[t]) { seen[t] = true; out.push({ t: t, w: word }); } }
    pieces(normalize(q)).forEach(function (pc) {
      if (pc.cjk) add(pc.cjk.join(''), false);
      else pc.parts.forEach(function (p) { add(p, true); });
    });
    return out;
  }

  /* ---- Index lookup ---- */
  function shardOf(t) {
    var sep = meta().separators, lo = 0, hi = sep.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (t < sep[mid]) hi = mid - 1; else lo = mid;
    }
    return lo;
  }
  function shardsFor(term) {
    var list = [];
    function range(t, prefix) {
      var a = shardOf(t), b = prefix ? shardOf(t + '\uffff') : a;
      for (var k = a, n = 0; k <= b && n < MAX_PREFIX_SHARDS; k++, n++) if (list.indexOf(k) < 0) list.push(k);
    }
    range(term.t, term.p);
    term.y.forEach(function (f) { range(f.replace('*', ''), true); });
    return list;
  }
  var DIGIT = {};
  (function () {
    var fin = FORMAT.finalDigits, more = FORMAT.moreDigits;
    for (var i = 0; i < 32; i++) { DIGIT[fin.charCodeAt(i)] = i; DIGIT[more.charCodeAt(i)] = 32 + i; }
  })();
  /* A CJK bigram's or trigram's posting list carries the lead flag (a trigram's has positions too). */
  function positional(token) {
    var cs = Array.from(token);
    return (cs.length === 2 || cs.length === 3) && cs.every(function (c) { return isCJK(c.codePointAt(0)); });
  }
  /* Postings "gap<<5|weight" in base 32, continuation digits first; an n-gram's (positional) are
     "gap<<6|lead<<5|weight", lead telling that the n-gram starts the title: {docs, weights, lead}.
     A trigram's positions, in p/<k>.js, are decoded on demand by withPositions. */
  function decode(key, text, isPositional) {
    if (decoded[key]) return decoded[key];
    var docs = [], weights = [], lead = [], v = 0, prev = -1, span = isPositional ? 64 : 32;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d === undefined) continue;
      if (d >= 32) { v = v * 32 + (d - 32); continue; }
      v = v * 32 + d;
      var doc = prev + 1 + Math.floor(v / span);
      docs.push(doc);
      weights.push(v % 32);
      lead.push(isPositional && v % 64 >= 32);
      prev = doc;
      v = 0;
    }
    return (decoded[key] = { docs: docs, weights: weights, lead: lead });
  }
  /* Adds a decoded trigram list's positions from its positions file (per posting: a count n and n
     positions, the first as is, then "gap - 1"): the positions of docs[i] are pos[at[i] .. at[i + 1]). */
  function withPositions(list, text) {
    if (list.pos) return list;
    var at = [], pos = [], v = 0, left = -1, last = -1;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d === undefined) continue;
      if (d >= 32) { v = v * 32 + (d - 32); continue; }
      v = v * 32 + d;
      if (left < 0) { at.push(pos.length); left = v; last = -1; }
      else { last += 1 + v; pos.push(last); left--; }
      if (left === 0) left = -1;
      v = 0;
    }
    at.push(pos.length);
    list.at = at;
    list.pos = pos;
    return list;
  }
  function lowerBound(a, x, lo, hi) {
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }
  /* [from, to) of a document's positions in a decoded list, or null without the document. */
  function positionsOf(list, d) {
    var i = lowerBound(list.docs, d, 0, list.docs.length);
    return i < list.docs.length && list.docs[i] === d ? [list.at[i], list.at[i + 1]] : null;
  }
  /* The decoded positional lists of a phrase's trigrams by offset (null where the cover skips
     one), or null when one is missing from the index. */
  function phraseLists(trigrams) {
    var out = [];
    for (var i = 0; i < trigrams.length; i++) {
      var t = trigrams[i];
      if (!t) { out.push(null); continue; }
      var k = shardOf(t), sh = shards[k], ps = positions[k];
      if (!sh || !own(sh, t) || !ps || !own(ps, t)) return null;
      out.push(withPositions(decode(k + ' ' + t, sh[t], true), ps[t]));
    }
    return out;
  }
  /* Whether document d holds the phrase: its trigrams (phraseLists) each at its offset from one position p. */
  function holdsPhrase(phrase, d) {
    if (!phrase) return false;
    var lists = [];
    for (var i = 0; i < phrase.length; i++) {
      if (!phrase[i]) continue;
      var range = positionsOf(phrase[i], d);
      if (!range) return false;
      lists.push([phrase[i].pos, range[0], range[1], i]);
    }
    var first = lists[0];
    for (var j = first[1]; j < first[2]; j++) {
      var p = first[0][j], ok = true;
      for (var n = 1; n < lists.length && ok; n++) {
        var l = lists[n], x = lowerBound(l[0], p + l[3], l[1], l[2]);
        ok = x < l[2] && l[0][x] === p + l[3];
      }
      if (ok) return true;
    }
    return false;
  }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  /* doc -> best weight of the term; a prefix-only match counts 0.8. */
  function match(term) {
    var result = new Map();
    function take(k, token, factor) {
      var p = decode(k + ' ' + token, shards[k][token], positional(token)), docs = p.docs, ws = p.weights;
      for (var i = 0; i < docs.length; i++) {
        var s = ws[i] * factor, old = result.get(docs[i]);
        if (old === undefined || s > old) result.set(docs[i], s);
      }
    }
    shardsFor(term).forEach(function (k) {
      var sh = shards[k];
      if (!sh) return;
      if (!term.p && !term.y.length) { if (own(sh, term.t)) take(k, term.t, 1); return; }
      Object.keys(sh).forEach(function (token) {
        var f = scoreToken(term, token);
        if (f !== null) take(k, token, f);
      });
    });
    return result;
  }
  /* The first n-gram a query made of one CJK run reads (the run itself when 2 characters, its
     first trigram when longer), or null: a title starting with the run has it at position 0 (the
     title is the first text of a document). */
  function leadNgram(q) {
    var ps = pieces(normalize(q));
    if (ps.length !== 1 || !ps[0].cjk || ps[0].cjk.length < 2) return null;
    return ps[0].cjk.slice(0, 3).join('');
  }
  /* Documents whose title starts with the query come first (TITLE_START), roles and procedures
     before departments (a department title-start match ranks below any role one: a tier's bonus
     range lower), so that short department names do not crowd out roles. */
  var TITLE_START = 100, DEPARTMENT_SHIFT = 8;
  function isDepartment(d) { var g = groupOf(d); return g.i !== '' && g.s === d; }
  function titleStart(ngram, d) {
    if (!ngram) return 0;
    var k = shardOf(ngram), sh = shards[k];
    if (!sh || !own(sh, ngram)) return 0;
    var list = decode(k + ' ' + ngram, sh[ngram], true), i = lowerBound(list.docs, d, 0, list.docs.length);
    if (i === list.docs.length || list.docs[i] !== d || !list.lead[i]) return 0;
    return isDepartment(d) ? TITLE_START - DEPARTMENT_SHIFT : TITLE_START;
  }
  /* Loads the shards of terms, then resolves to their match maps. */
  function lookup(ts) {
    var files = [];
    ts.forEach(function (t) { shardsFor(t).forEach(function (k) { var f = 'search/i/' + k + '.js'; if (files.indexOf(f) < 0) files.push(f); }); });
    return Promise.all(files.map(load)).then(function () { return ts.map(match); });
  }
  /* Resolves to {terms, hits: [{d, s}], near: [d]}, hits best first (score, then document order). */
  api.search = function (q) {
    var m = meta();
    if (!m || m.version !== VERSION) return Promise.resolve({ terms: [], hits: [] });
    var ready = HAN.test(q) && !foldMap ? load('search/fold.js') : Promise.resolve(true);
    return ready.then(function () {
      var ts = terms(q), need = [];
      if (!ts.length) return { terms: ts, hits: [] };
      ts.forEach(function (t) { shardsFor(t).forEach(function (k) { if (need.indexOf(k) < 0) need.push(k); }); });
      /* Positions only to check a phrase: the positions files of its trigrams' shards. */
      var pq = phrases(q), files = need.map(function (k) { return 'search/i/' + k + '.js'; });
      pq.forEach(function (ph) {
        ph.forEach(function (b) { var f = b && 'search/p/' + shardOf(b) + '.js'; if (f && files.indexOf(f) < 0) files.push(f); });
      });
      return Promise.all(files.map(load)).then(function () {
        var maps = ts.map(match).sort(function (a, b) { return a.size - b.size; }), hits = [], ps = pq.map(phraseLists), lead = leadNgram(q);
        maps[0].forEach(function (s, d) {
          for (var j = 1; j < maps.length; j++) {
            var x = maps[j].get(d);
            if (x === undefined) return;
            s += x;
          }
          for (var n = 0; n < ps.length; n++) if (!holdsPhrase(ps[n], d)) return;
          hits.push({ d: d, s: s + titleStart(lead, d) });
        });
        hits.sort(function (a, b) { return b.s - a.s || a.d - b.d; });
        if (hits.length) return { terms: ts, hits: hits, near: [] };
        /* No results: suggestions from the query's pieces, a long CJK run read as its bigrams
           (a trigram missing from the index would suggest nothing); shards loaded only now. */
        var loose = terms(q, true);
        if (loose.length === ts.length && loose.every(function (t, i) { return t.t === ts[i].t; })) return { terms: ts, hits: hits, near: nearest(maps) };
        return lookup(loose).then(function (ms) { return { terms: ts, hits: hits, near: nearest(ms) }; });
      });
    });
  };
  /* Without results: the documents matching most of the query's terms (any of them, not all),
     those with a term in their title (tier 3, weight >= 24) first; at most NEAR. */
  var NEAR = 3, TITLE_WEIGHT = 24;
  function nearest(maps) {
    var score = new Map(), title = new Map();
    maps.forEach(function (m) {
      m.forEach(function (s, d) {
        score.set(d, (score.get(d) || 0) + s);
        if (s >= TITLE_WEIGHT) title.set(d, (title.get(d) || 0) + 1);
      });
    });
    return Array.from(score.keys()).sort(function (a, b) {
      return (title.get(b) || 0) - (title.get(a) || 0) || score.get(b) - score.get(a) || a - b;
    }).slice(0, NEAR);
  }
  /* The department group of a document: {i: id, n: name, s: start, c: count}. */
  function groupOf(d) {
    var g = meta().groups, lo = 0, hi = g.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (d < g[mid].s) hi = mid - 1; else lo = mid;
    }
    return g[lo];
  }
  api.fragment = function (d) {
    return load('search/f/' + Math.floor(d / (meta().fragmentBundle || 1)) + '.js').then(function () { return frags[d] || null; });
  };

  /* ---- Highlighting ---- */
  /* Segments [[text, marked], ...] of text with every needle marked (folded comparison). */
  function marks(text, ns) {
    var folded = '', starts = [], ends = [], i = 0;
    for (var ch of text) {
      var f = normalize(ch);
      for (var j = 0; j < f.length; j++) { starts.push(i); ends.push(i + ch.length); }
      folded += f;
      i += ch.length;
    }
    var ranges = [];
    ns.forEach(function (n) {
      if (!n.t) return;
      var at = folded.indexOf(n.t);
      while (at >= 0) {
        var ok = !n.w || at === 0 || classify(folded.charCodeAt(at - 1)) !== WORD;
        if (ok) ranges.push([starts[at], ends[at + n.t.length - 1]]);
        at = folded.indexOf(n.t, at + 1);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    var out = [], pos = 0;
    merged.forEach(function (r) {
      if (r[0] > pos) out.push([text.slice(pos, r[0]), false]);
      out.push([text.slice(r[0], r[1]), true]);
      pos = r[1];
    });
    if (pos < text.length) out.push([text.slice(pos), false]);
    return out;
  }
  function markedCount(segments) {
    var n = 0;
    segments.forEach(function (s) { if (s[1]) n += s[0].length; });
    return n;
  }
  /* The line of a fragment that matches most, cut to about SNIPPET characters around the first mark. */
  function snippet(frag, ns) {
    var lines = (frag.aliases && frag.aliases.length ? [frag.aliases.join(' · ')] : []).concat(frag.text || []);
    var best = null, bestCount = 0;
    lines.forEach(function (line) {
      var segs = marks(line, ns), n = markedCount(segs);
      if (n > bestCount) { best = line; bestCount = n; }
    });
    var line = best === null ? ((frag.text && frag.text[0]) || '') : best;
    if (line.length <= SNIPPET) return marks(line, ns);
    var segs = marks(line, ns), first = 0, pos = 0;
    for (var i = 0; i < segs.length; i++) { if (segs[i][1]) { first = pos; break; } pos += segs[i][0].length; }
    var start = Math.max(0, Math.min(first - 20, line.length - SNIPPET));
    if (start > 0 && /[\udc00-\udfff]/.test(line.charAt(start))) start--;
    var end = Math.min(line.length, start + SNIPPET);
    if (end < line.length && /[\ud800-\udbff]/.test(line.charAt(end - 1))) end++;
    var cut = marks(line.slice(start, end), ns);
    if (start > 0) cut.unshift(['…', false]);
    if (end < line.length) cut.push(['…', false]);
    return cut;
  }
  api.normalize = normalize;
  api.pieces = pieces;
  api.terms = terms;
  api.phrases = phrases;
  api.quotedPairs = quotedPairs;
  api.pinyinForms = pinyinForms;
  api.needles = needles;
  api.marks = marks;
  api.snippet = snippet;
  api.groupOf = groupOf;

  /* ---- The page ---- */
  function init() {
    var box = document.getElementById('rb-search');
    if (!box) return;
    var input = document.getElementById('rb-q'), filters = document.getElementById('rb-filters');
    var list = document.getElementById('rb-results'), form = box.querySelector('form');
    var strings = {};
    try { strings = JSON.parse(box.getAttribute('data-strings') || '{}'); } catch (e) { strings = {}; }
    function str(key, fallback) { return typeof strings[key] === 'string' ? strings[key] : fallback; }
    /* A counted string: "{n} result|{n} results" lists the plural forms (one, other), as UIStrings.pluralForm does. */
    var lang = (document.documentElement && document.documentElement.lang) || '';
    function counted(key, n) {
      var forms = str(key, '{n}').split('|');
      var i = forms.length > 1 && !/^(zh|ja|ko)/.test(lang) && n !== 1 ? 1 : 0;
      return forms[i].replace('{n}', String(n));
    }
    api.root = box.getAttribute('data-root') || '';

    var count = document.createElement('p');
    count.id = 'rb-count';
    count.className = 'rb-count';
    count.setAttribute('aria-live', 'polite');
    box.insertBefore(count, filters);
    var more = document.createElement('button');
    more.type = 'button';
    more.className = 'rb-more';
    more.textContent = str('more', 'More');
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);

    var params = new URLSearchParams(global.location.search);
    var state = { q: '', hits: [], shown: 0, group: params.get('d'), needles: [], active: -1 };
    var qseq = 0, rseq = 0, timer = null;
    input.value = params.get('q') || '';

    function setURL() {
      try {
        var p = new URLSearchParams(global.location.search);
        if (state.q) p.set('q', state.q); else p.delete('q');
        if (state.group) p.set('d', state.group); else p.delete('d');
        var s = p.toString();
        global.history.replaceState(null, '', global.location.pathname + (s ? '?' + s : '') + global.location.hash);
      } catch (e) { /* file:// in some browsers refuses; the page still works */ }
    }
    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
    function appendMarked(node, segments) {
      segments.forEach(function (s) {
        if (!s[1]) { node.appendChild(document.createTextNode(s[0])); return; }
        var m = document.createElement('mark');
        m.textContent = s[0];
        node.appendChild(m);
      });
    }
    function filtered() {
      if (!state.group) return state.hits;
      return state.hits.filter(function (h) { return groupOf(h.d).i === state.group; });
    }
    /* The page's organisations (data-groups, from the site): [{n: label, d: [[department id, chip label], …]}, …]. */
    var orgs = [];
    try { orgs = JSON.parse(box.getAttribute('data-groups') || '[]'); } catch (e) { orgs = []; }
    function renderFilters() {
      clear(filters);
      if (!state.hits.length) return;
      var counts = new Map();
      state.hits.forEach(function (h) { var g = groupOf(h.d); counts.set(g, (counts.get(g) || 0) + 1); });
      if (state.group && !Array.from(counts.keys()).some(function (g) { return g.i === state.group; })) state.group = null;
      function button(label, n, id, parent) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'rb-filter';
        b.setAttribute('aria-pressed', String((state.group || '') === id));
        b.setAttribute('data-group', id);
        b.appendChild(document.createTextNode(label + ' '));
        var c = document.createElement('span');
        c.className = 'rb-filter-count';
        c.textContent = String(n);
        b.appendChild(c);
        b.addEventListener('click', function () {
          state.group = id || null;
          setURL();
          renderFilters();
          renderPage(true);
        });
        (parent || filters).appendChild(b);
      }
      button(str('all', 'All'), state.hits.length, '');
      var byId = new Map();
      counts.forEach(function (n, g) { if (g.i) byId.set(g.i, g); });
      /* One labelled row per organisation with hits, its departments in the site's order. */
      orgs.forEach(function (org) {
        var chips = (org.d || []).filter(function (d) { return byId.has(d[0]); });
        if (!chips.length) return;
        var row = document.createElement('div');
        row.className = 'rb-filter-group';
        row.setAttribute('role', 'group');
        row.setAttribute('aria-label', org.n);
        var label = document.createElement('span');
        label.className = 'rb-filter-org';
        label.textContent = org.n;
        row.appendChild(label);
        chips.forEach(function (d) {
          var g = byId.get(d[0]);
          byId.delete(d[0]);
          button(d[1] || g.n, counts.get(g), g.i, row);
        });
        filters.appendChild(row);
      });
      /* Departments the page does not list (an index newer than the page): after the groups. */
      Array.from(byId.values()).sort(function (a, b) { return counts.get(b) - counts.get(a) || a.s - b.s; })
        .forEach(function (g) { button(g.n, counts.get(g), g.i); });
    }
    function renderHit(h, index) {
      var fr = frags[h.d];
      if (!fr) return null;
      var li = document.createElement('li');
      li.className = 'rb-result';
      li.id = 'rb-r-' + index;
      li.setAttribute('data-kind', fr.kind);
      var badge = document.createElement('span');
      badge.className = 'rb-kind';
      badge.textContent = str(fr.kind, fr.kind);
      li.appendChild(badge);
      var a = document.createElement('a');
      a.className = 'rb-result-link';
      a.href = api.root + fr.url;
      appendMarked(a, marks(fr.title, state.needles));
      li.appendChild(a);
      if (fr.department) {
        var dep = document.createElement('span');
        dep.className = 'rb-result-department';
        dep.textContent = fr.department;
        li.appendChild(dep);
      }
      var p = document.createElement('p');
      p.className = 'rb-snippet';
      appendMarked(p, snippet(fr, state.needles));
      li.appendChild(p);
      return li;
    }
    function renderPage(reset) {
      if (reset) { rseq++; state.shown = 0; state.active = -1; }
      var my = rseq, hits = filtered();
      var slice = hits.slice(state.shown, state.shown + PAGE);
      more.disabled = true;
      return Promise.all(slice.map(function (h) { return api.fragment(h.d); })).then(function () {
        if (my !== rseq) return;
        more.disabled = false;
        if (reset) clear(list);
        slice.forEach(function (h, i) {
          var li = renderHit(h, state.shown + i);
          if (li) list.appendChild(li);
        });
        state.shown += slice.length;
        count.textContent = hits.length ? counted('results', hits.length) : str('noResults', '');
        more.hidden = state.shown >= hits.length;
        if (!hits.length && reset) return suggest(my);
      });
    }
    /* No results: "did you mean" the nearest titles (fragments give their titles and links). */
    function suggest(my) {
      var near = state.near || [];
      if (!near.length) return Promise.resolve();
      return Promise.all(near.map(function (d) { return api.fragment(d); })).then(function (fs) {
        if (my !== rseq) return;
        var p = document.createElement('span');
        p.className = 'rb-suggestions';
        p.appendChild(document.createTextNode(' ' + str('didYouMean', '')));
        fs.forEach(function (fr, i) {
          if (!fr) return;
          if (i > 0) p.appendChild(document.createTextNode(str('nameSeparator', ', ')));
          var a = document.createElement('a');
          a.className = 'rb-suggestion';
          a.href = api.root + fr.url;
          a.textContent = fr.title;
          p.appendChild(a);
        });
        count.appendChild(p);
      });
    }
    function update() {
      var q = input.value, my = ++qseq;
      state.q = q.trim();
      if (!state.q) state.group = null;
      setURL();
      if (!state.q) {
        rseq++;
        state.hits = [];
        clear(list); clear(filters);
        count.textContent = '';
        more.hidden = true;
        return Promise.resolve();
      }
      count.textContent = str('loading', '');
      return api.search(state.q).then(function (r) {
        if (my !== qseq) return;
        state.hits = r.hits;
        state.near = r.near;
        state.needles = needles(state.q);
        renderFilters();
        return renderPage(true);
      });
    }
    function setActive(i) {
      var items = list.querySelectorAll('.rb-result');
      if (!items.length) return;
      state.active = Math.max(-1, Math.min(items.length - 1, i));
      for (var k = 0; k < items.length; k++) {
        var on = k === state.active;
        items[k].classList.toggle('is-active', on);
        if (on) items[k].setAttribute('aria-current', 'true'); else items[k].removeAttribute('aria-current');
      }
      if (state.active >= 0 && items[state.active].scrollIntoView) items[state.active].scrollIntoView({ block: 'nearest' });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE);
    });
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      update();
    });
    more.addEventListener('click', function () { if (!more.disabled) renderPage(false); });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!list.querySelector('.rb-result')) return;
        e.preventDefault();
        setActive(state.active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter' && state.active >= 0) {
        var items = list.querySelectorAll('.rb-result'), link = items[state.active] && items[state.active].querySelector('.rb-result-link');
        if (!link) return;
        e.preventDefault();
        global.location.href = link.href;
      }
    });
    if (input.value.trim()) update();
    api.update = update;
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading' && !document.getElementById('rb-search')) document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})(typeof window !== 'undefined' ? window : typeof globalThis !== 'undefined' ? globalThis : this);
