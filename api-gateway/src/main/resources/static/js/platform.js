// Progressive enhancement only: every page works without this file.
(function () {
    'use strict';

    // htmx requests that change something carry the session's CSRF token, as forms do in a hidden field.
    document.addEventListener('htmx:configRequest', function (event) {
        var header = document.querySelector('meta[name="csrf-header"]');
        var token = document.querySelector('meta[name="csrf-token"]');
        if (header && token) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // A "copy" button copies the text of the element named by data-copy-target.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy-target]');
        if (!button || !navigator.clipboard) {
            return;
        }
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        navigator.clipboard.writeText(source.value || source.textContent.trim()).then(function () {
            var status = document.getElementById(button.getAttribute('data-copy-status'));
            if (status) {
                status.textContent = 'コピーしました';
            }
        });
    });

    // Copy buttons are shown only where they can work.
    document.addEventListener('DOMContentLoaded', function () {
        if (navigator.clipboard) {
            document.querySelectorAll('[data-copy-target]').forEach(function (b) { b.hidden = false; });
        }
        // a form shown again with errors: move the focus to its summary, so a screen reader reads it first
        var summary = document.querySelector('.error-summary');
        if (summary) {
            summary.focus();
        }
    });
})();
