;;; skaidri.el --- skaidri language server with eglot  -*- lexical-binding: t; -*-

;; Plain-language checks for Latvian government text.  Needs `skaidri' on PATH.
;; Load this file (or copy the forms into your init file), then M-x eglot in a
;; text, Markdown or HTML buffer -- or enable `eglot-ensure' in those modes below.

(require 'eglot)

(add-to-list 'eglot-server-programs
             `((text-mode
                (markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (html-mode :language-id "html")
                (mhtml-mode :language-id "html"))
               . ("skaidri" "lsp")))

;; Settings (same keys as editors/README.md); per project, put them in .dir-locals.el.
(setq-default eglot-workspace-configuration
              '(:skaidri (:profile "saprotama-valoda" :lang "lv" :debounceMs 200)))

;; Start automatically:
;; (add-hook 'markdown-mode-hook #'eglot-ensure)
;; (add-hook 'text-mode-hook #'eglot-ensure)

(provide 'skaidri)
;;; skaidri.el ends here
