// Progressive enhancement only: every action works without this file.
// Copy buttons for a credential shown once; without script the value is still in a read-only field to select.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = "Copied";
      });
    });
  });
});

// A list with a live relay (data-live) is read again through the console whenever the relay says it changed, and
// after a reconnection, which may have missed changes. The relay's end for the credential or the idle time reloads
// the page, which then signs out. Without this file the list says to refresh it.
document.addEventListener("DOMContentLoaded", function () {
  var note = document.querySelector("[data-live]");
  if (!note || !window.EventSource || !window.htmx) {
    return;
  }
  var region = "#" + note.getAttribute("data-live-region");
  var source = new EventSource(note.getAttribute("data-live"));
  var opened = false;
  var pending = null;
  var refresh = function () {
    if (pending) {
      return;
    }
    // Changes arriving together (a cascade of revocations) cost one read.
    pending = setTimeout(function () {
      pending = null;
      htmx.ajax("GET", window.location.href, {
        target: region, select: region, swap: "outerHTML", headers: { "X-Console-Refresh": "live" }
      });
    }, 50);
  };
  source.addEventListener("open", function () {
    if (opened) {
      refresh();
    }
    opened = true;
    note.textContent = "This list updates live.";
  });
  ["created", "updated", "deleted", "rotated", "revoked", "expired", "reset"].forEach(function (name) {
    source.addEventListener(name, refresh);
  });
  ["unauthorized", "idle"].forEach(function (name) {
    source.addEventListener(name, function () {
      source.close();
      window.location.reload();
    });
  });
  source.addEventListener("unavailable", function () {
    source.close();
    note.textContent = "This list no longer updates live: refresh the page to see changes made elsewhere.";
  });
});
