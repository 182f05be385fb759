-- skaidri language server for Neovim 0.8–0.10 (vim.lsp.start), and the code lens refresh
-- for every version. Use: require('skaidri').setup({ settings = { skaidri = { ... } } })
-- with this file on your Lua path (e.g. ~/.config/nvim/lua/skaidri.lua).
local M = {}

function M.setup(opts)
  opts = opts or {}
  local group = vim.api.nvim_create_augroup('skaidri', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes or { 'text', 'markdown', 'html' },
    callback = function(args)
      local marker = vim.fs.find({ 'skaidri.toml', '.git' }, {
        upward = true,
        path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
      })[1]
      vim.lsp.start({
        name = 'skaidri',
        cmd = opts.cmd or { 'skaidri', 'lsp' },
        root_dir = marker and vim.fs.dirname(marker) or vim.fn.getcwd(),
        settings = opts.settings or { skaidri = {} },
      }, { bufnr = args.buf })
    end,
  })
  -- The readability line (LIX, band, sentences) is a code lens; Neovim draws lenses only
  -- after a refresh.
  vim.api.nvim_create_autocmd({ 'LspAttach', 'InsertLeave', 'BufWritePost' }, {
    group = group,
    callback = function(args)
      for _, c in ipairs(vim.lsp.get_active_clients({ bufnr = args.buf })) do
        if c.name == 'skaidri' then
          vim.lsp.codelens.refresh()
          return
        end
      end
    end,
  })
end

return M
