/* Contact router: turns the build's per-problem answers into a live chooser.
 * Framework-free. The routing rules mirror hooks/helpcenter/routing.py; both run
 * the cases in tests/routing_cases.json. Text comes from the page (escaped by the
 * build) and is written with textContent only. */
(function () {
  "use strict";
  var MIN = 6e4, DAY = 864e5, fmts = {};

  // Wall-clock fields of instant t in zone tz (undefined: the player's own zone).
  // Intl is used for zone arithmetic only: Chromium lacks locale data for some
  // languages (Azerbaijani, for one), so names of days and months come from the page's data.
  function fields(t, tz) {
    var f = {}, fmt = fmts[tz] || (fmts[tz] = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric"
    }));
    fmt.formatToParts(new Date(t)).forEach(function (p) { f[p.type] = +p.value; });
    f.hour %= 24;
    f.date = Date.UTC(f.year, f.month - 1, f.day) / DAY; // days since 1970-01-01
    return f;
  }

  // Offset of zone tz from UTC at instant t, in ms.
  function offset(t, tz) {
    var f = fields(t, tz);
    return (f.date * 1440 + f.hour * 60 + f.minute) * MIN - Math.floor(t / MIN) * MIN;
  }

  // Minutes after midnight of day (days since 1970-01-01) in tz, as an instant.
  // A missing or doubled wall time takes the offset before the change (Python's fold=0).
  function wall(day, minutes, tz) {
    var w = day * DAY + minutes * MIN, a = offset(w - DAY, tz), b = offset(w + DAY, tz);
    return offset(w - a, tz) === a || offset(w - b, tz) !== b ? w - a : w - b;
  }

  // {open, next}: whether channel c is open at t, else when it opens (null: not within a year).
  function state(c, t, tz) {
    if (c.hours === "always") return { open: true, next: null };
    var today = fields(t, tz).date, next = null, open = false, d;
    for (d = today - 1; d < today + 380 && !open && next === null; d++) {
      if (c.closed_on.indexOf(new Date(d * DAY).toISOString().slice(0, 10)) >= 0) continue;
      c.hours.forEach(function (h) {
        if (h.days.indexOf((d + 3) % 7) < 0) return; // 1970-01-01 was a Thursday; 0 = Monday
        var start = wall(d, h.open, tz), end = wall(d + (h.overnight ? 1 : 0), h.close, tz);
        if (start <= t && t < end) open = true;
        else if (start > t && (next === null || start < next)) next = start;
      });
    }
    return { open: open, next: open ? null : next };
  }

  // The problem's channels (ids, data order): recommended first, then the others in order.
  function route(model, ids, urgent, t) {
    var list = ids.map(function (id, i) {
      var s = state(model.channels[id], t, model.tz);
      s.id = id; s.i = i; s.c = model.channels[id];
      return s;
    });
    var open = list.filter(function (s) { return s.open; }), best;
    if (urgent) {
      best = open.filter(function (s) { return s.c.person; }).sort(function (x, y) {
        return x.c.reply[1] - y.c.reply[1] || x.c.reply[0] - y.c.reply[0] || x.i - y.i;
      })[0];
    }
    best = best || open[0] || list.slice().sort(function (x, y) {
      return (x.next === null) - (y.next === null) || x.next - y.next || x.i - y.i;
    })[0];
    return [best].concat(list.filter(function (s) { return s !== best; }));
  }

  function plural(forms, n, lang) {
    return forms[new Intl.PluralRules(lang).select(n)] || forms.other;
  }

  // "Tue 09:00", or "Mon 4 January 09:00" when far ahead, in zone tz.
  function when(model, t, tz, far) {
    var f = fields(t, tz), pad = function (n) { return ("0" + n).slice(-2); };
    return model.days[(f.date + 3) % 7] + (far ? " " + f.day + " " + model.months[f.month - 1] : "") + " " + pad(f.hour) + ":" + pad(f.minute);
  }

  // "opens Mon 09:00 Baku time — 10:00 your time, in 14 hours", in the page's language.
  function opens(model, next, now) {
    var t = model.t, far = next - now > 6 * DAY,
      there = when(model, next, model.tz, far), here = when(model, next, undefined, far),
      text = t.opens.replace("{time}", there).replace("{zone}", model.zone),
      minutes = Math.ceil((next - now) / MIN), n, unit;
    if (here !== there) { // the player's clock differs: add their time, and their day if it differs too
      text += " — " + t.your_time.replace("{time}", here.slice(0, -5) === there.slice(0, -5) ? here.slice(-5) : here);
    }
    if (minutes < 60) { n = minutes; unit = "minute"; }
    else if (minutes < 48 * 60) { n = Math.round(minutes / 60); unit = "hour"; }
    else { n = Math.round(minutes / 1440); unit = "day"; }
    return text + ", " + plural(t["in"][unit], n, model.lang).replace("{n}", n);
  }

  function mount(el) {
    if (el.hcRouter) return;
    el.hcRouter = true;
    var model = JSON.parse(el.querySelector("template[data-router-data]").content.textContent),
      // The fields are not a <form>: nothing is sent, each change applies at once.
      form = el.querySelector(".hc-router__form"), select = form.querySelector('[name="problem"]'), urgent = form.querySelector('[name="urgent"]'),
      live = el.querySelector("[aria-live]"), box = el.querySelector("[data-router-answers]"), sections = {},
      wanted = new URLSearchParams(location.search).get("problem") || (location.hash.match(/^#problem-(.+)$/) || [])[1];
    fields(Date.now(), model.tz); // a zone this browser does not know throws here, leaving the page as built
    el.querySelectorAll("[data-problem]").forEach(function (s) { sections[s.getAttribute("data-problem")] = s; s.remove(); });
    if (wanted && sections[wanted]) select.value = wanted;
    form.hidden = false;
    el.classList.add("hc-router--live");

    // Elements move only when the answer changes: moving the focused one would drop the focus.
    function update(announce) {
      var id = select.value, section = sections[id], now = Date.now(), said = "";
      if (box.firstChild !== section) {
        box.textContent = "";
        if (section) box.appendChild(section);
      }
      if (section) {
        section.open = true;
        var list = section.querySelector("[data-channels]"), badge = section.querySelector("[data-badge]"),
          states = route(model, model.problems[id], urgent.checked, now), ids = states.map(function (s) { return s.id; }),
          items = ids.map(function (cid) { return list.querySelector('[data-channel="' + cid + '"]'); });
        states.forEach(function (s, i) {
          var li = items[i], name = li.querySelector("[data-name]"),
            status = s.open ? model.t.open_now : model.t.closed_now + (s.next === null ? "" : " · " + opens(model, s.next, now));
          li.setAttribute("data-channel-status", s.open ? "open" : "closed");
          li.querySelector("[data-status]").textContent = status;
          if (i) li.removeAttribute("data-recommended-channel");
          else {
            li.setAttribute("data-recommended-channel", s.id);
            if (badge.parentNode !== name.parentNode) name.after(" ", badge);
            said = section.querySelector("summary").textContent + ". " + model.t.recommended + ": " + name.textContent +
              " — " + status + ". " + li.querySelector("[data-reply]").textContent;
          }
        });
        if ([].map.call(list.children, function (li) { return li.getAttribute("data-channel"); }).join() !== ids.join()) {
          items.forEach(function (li) { list.appendChild(li); });
        }
      }
      if (announce || live.textContent !== said) live.textContent = said;
    }

    form.addEventListener("change", function () { update(true); });
    update(false);
    var timer = setInterval(function () {
      if (el.isConnected) update(false); else clearInterval(timer);
    }, MIN);
  }

  function mountAll() {
    document.querySelectorAll("[data-contact-router]").forEach(mount);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { route: route, state: state, wall: wall };
  } else if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
