using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Tests.Letters;

public sealed class LetterTemplateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("letters-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Syntax_error_is_refused_naming_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(_directory, "ok.scriban-html"), "<p>{{ name }}</p>\n");
        File.WriteAllText(Path.Combine(_directory, "casse.scriban-html"), "<p>Bonjour</p>\n<p>{{ if name }}oui</p>\n");

        var act = () => LetterTemplateStore.LoadFromDirectory(_directory);

        act.Should().Throw<LetterTemplateException>()
            .Where(e => e.FileName == "casse.scriban-html" && e.Line > 0 && e.Column > 0)
            .WithMessage("*casse.scriban-html*line*column*");
    }

    [Fact]
    public void Error_position_is_one_based()
    {
        var act = () => LetterTemplateStore.Parse("x.scriban-html", "ligne 1\nab {{ 1 + }}");

        act.Should().Throw<LetterTemplateException>().Where(e => e.Line == 2);
    }

    [Fact]
    public void Loads_names_without_extension_and_ignores_other_files()
    {
        File.WriteAllText(Path.Combine(_directory, "b.scriban-html"), "b");
        File.WriteAllText(Path.Combine(_directory, "a.scriban-html"), "a");
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "{{ broken");

        LetterTemplateStore.LoadFromDirectory(_directory).TemplateNames.Should().Equal("a", "b");
    }

    [Fact]
    public void Unknown_template_is_an_error()
    {
        var store = LetterTemplateStore.LoadFromDirectory(_directory);

        store.Invoking(s => s.Get("absent")).Should().Throw<LetterTemplateException>().WithMessage("*absent*");
    }
}
