// Progressive enhancement: name completion for communes and vendors, from /recherche/suggestions.
// Without JavaScript the forms work the same (the server resolves names and offers "did you mean").
// data-suggest="tout" (search box: names), "communes" (a commune field of the editing forms: "Nom (code INSEE)").
(function () {
    "use strict";
    var inputs = document.querySelectorAll("input[data-suggest]");
    Array.prototype.forEach.call(inputs, function (input, index) {
        var mode = input.getAttribute("data-suggest");
        var list = document.createElement("datalist");
        list.id = "suggestions-" + index;
        input.parentNode.appendChild(list);
        input.setAttribute("list", list.id);
        var timer = null;
        var last = "";
        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var q = input.value.trim();
                if (q.length < 2 || q === last) {
                    return;
                }
                last = q;
                var url = "/recherche/suggestions?q=" + encodeURIComponent(q) + (mode === "communes" ? "&type=communes" : "");
                fetch(url, { headers: { "Accept": "application/json" } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (items) {
                        list.textContent = "";
                        items.forEach(function (item) {
                            var option = document.createElement("option");
                            option.value = mode === "communes" ? item.field : item.name;
                            option.label = item.label + (item.kind === "prestataire" ? " — prestataire" : "");
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { });
            }, 150);
        });
    });
})();
