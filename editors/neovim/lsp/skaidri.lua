-- skaidri language server for Neovim 0.11+ (vim.lsp.config).
-- Put this folder on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/skaidri.lua)
-- and call vim.lsp.enable('skaidri').
return {
  cmd = { 'skaidri', 'lsp' },
  -- Neovim sends the filetype as the LSP language id; skaidri checks these.
  filetypes = { 'text', 'markdown', 'html' },
  root_markers = { 'skaidri.toml', '.git' },
  -- Same keys as editors/README.md; sent at start and on :lua vim.lsp.config changes.
  settings = {
    skaidri = {
      -- profile = 'viegla-valoda',
      -- lang = 'en',
      -- disable = { 'WC001' },
      -- debounceMs = 200,
    },
  },
}
